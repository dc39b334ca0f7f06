namespace Conversations.Grains.Interfaces.Reports;

/// <summary>The counts of one day, by slice key (<see cref="ReportSlices"/>); as a delta, what a change adds (negative: takes away).</summary>
[GenerateSerializer, Alias("Conversations.ReportDayPart")]
public sealed class ReportDayPart
{
    [Id(0)] public Dictionary<string, ReportCounts> Slices { get; set; } = new(StringComparer.Ordinal);

    public ReportCounts Slice(string key)
    {
        if (!Slices.TryGetValue(key, out var counts))
        {
            Slices[key] = counts = new ReportCounts();
        }

        return counts;
    }

    public void Merge(ReportDayPart other, long sign = 1)
    {
        foreach (var (key, counts) in other.Slices)
        {
            var slice = Slice(key);
            slice.Merge(counts, sign);
            if (slice.IsEmpty)
            {
                Slices.Remove(key);
            }
        }
    }
}
