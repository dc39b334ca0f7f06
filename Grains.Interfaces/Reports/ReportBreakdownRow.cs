namespace Conversations.Grains.Interfaces.Reports;

/// <summary>One agent's or department's figures over the period.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ReportBreakdownRow")]
public sealed record ReportBreakdownRow(
    [property: Id(0)] string Id,
    [property: Id(1)] ReportFigures Figures);
