namespace Conversations.Grains.Interfaces.Reports;

[GenerateSerializer, Immutable, Alias("Conversations.ReportDayFigures")]
public sealed record ReportDayFigures(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] ReportFigures Figures);
