namespace Conversations.Grains.Interfaces.Reports;

/// <summary>
/// A day's counts and figures by slice, as the day grain last computed them. Immutable: inside a silo it is passed by reference,
/// so a report over a year moves no copies of its days' counts.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ReportDaySnapshot")]
public sealed record ReportDaySnapshot(
    [property: Id(0)] IReadOnlyDictionary<string, ReportCounts> Slices,
    [property: Id(1)] IReadOnlyDictionary<string, ReportFigures> Figures)
{
    public static ReportDaySnapshot Empty { get; } = new(new Dictionary<string, ReportCounts>(), new Dictionary<string, ReportFigures>());
}
