using Conversations.Grains.Interfaces.Reports;

namespace Conversations.Grains.Reports;

[GenerateSerializer, Alias("Conversations.ReportDayState")]
public sealed class ReportDayState
{
    [Id(0)] public ReportDayPart Part { get; set; } = new();

    /// <summary>The latest change keys applied, so a redelivered change is not counted twice.</summary>
    [Id(1)] public List<string> RecentChanges { get; set; } = [];
}
