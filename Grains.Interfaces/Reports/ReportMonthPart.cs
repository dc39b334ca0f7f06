namespace Conversations.Grains.Interfaces.Reports;

/// <summary>
/// What one month adds to a report (RPT-1): the counts of the days asked for, summed by slice (the slice asked for, or every
/// slice with a breakdown), and each of those days' figures of the slice (null: nothing counted that day). Immutable, so inside a
/// silo it is passed by reference.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ReportMonthPart")]
public sealed record ReportMonthPart(
    [property: Id(0)] IReadOnlyDictionary<string, ReportCounts> Slices,
    [property: Id(1)] IReadOnlyList<ReportFigures?> Days);
