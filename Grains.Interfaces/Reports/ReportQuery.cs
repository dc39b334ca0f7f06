namespace Conversations.Grains.Interfaces.Reports;

/// <summary>A report over the UTC days From..To (both included), optionally of one agent or one department (RPT-1).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ReportQuery")]
public sealed record ReportQuery(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] string? AgentId = null,
    [property: Id(4)] string? DepartmentId = null,
    [property: Id(5)] bool WithBreakdown = false)
{
    public const int MaxDays = 366;
}
