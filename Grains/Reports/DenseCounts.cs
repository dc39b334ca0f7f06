using Conversations.Grains.Interfaces.Reports;

namespace Conversations.Grains.Reports;

/// <summary>
/// Adds up many days' <see cref="ReportCounts"/> for one slice: histograms as plain arrays, so adding a day is array
/// additions, not dictionary lookups (a year's breakdown adds ~20,000 of them).
/// </summary>
public sealed class DenseCounts
{
    /// <summary>Bucket 255 is 2^32 s (136 years): every duration fits.</summary>
    private const int Buckets = 256;

    private readonly ReportCounts _counts = new();
    private readonly long[] _firstResponse = new long[Buckets];
    private readonly long[] _resolution = new long[Buckets];

    public long[] ByHour => _counts.ByHour;

    public void Add(ReportCounts day)
    {
        _counts.Chats += day.Chats;
        _counts.Tickets += day.Tickets;
        _counts.Missed += day.Missed;
        _counts.Resolved += day.Resolved;
        _counts.RatingsGood += day.RatingsGood;
        _counts.RatingsBad += day.RatingsBad;
        _counts.SlaMet += day.SlaMet;
        _counts.SlaBreached += day.SlaBreached;
        _counts.FirstResponseSlaMet += day.FirstResponseSlaMet;
        _counts.FirstResponseSlaBreached += day.FirstResponseSlaBreached;
        _counts.NextResponseSlaMet += day.NextResponseSlaMet;
        _counts.NextResponseSlaBreached += day.NextResponseSlaBreached;
        _counts.ResolutionSlaMet += day.ResolutionSlaMet;
        _counts.ResolutionSlaBreached += day.ResolutionSlaBreached;
        for (var hour = 0; hour < 24; hour++)
        {
            _counts.ByHour[hour] += day.ByHour[hour];
        }

        AddTo(_firstResponse, day.FirstResponse);
        AddTo(_resolution, day.Resolution);
    }

    public ReportFigures Figures() => ReportFigures.Of(Counts());

    /// <summary>The sum as counts of its own, with sparse histograms.</summary>
    public ReportCounts Counts()
    {
        var counts = _counts.Copy();
        counts.FirstResponse = Sparse(_firstResponse);
        counts.Resolution = Sparse(_resolution);
        return counts;
    }

    /// <summary>Sums by slice: every slice, or only <paramref name="slice"/>.</summary>
    public static Dictionary<string, DenseCounts> BySlice(IEnumerable<IReadOnlyDictionary<string, ReportCounts>> parts, string? slice)
    {
        var sums = new Dictionary<string, DenseCounts>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (slice is not null)
            {
                if (part.TryGetValue(slice, out var counts))
                {
                    Sum(sums, slice).Add(counts);
                }

                continue;
            }

            foreach (var (key, counts) in part)
            {
                Sum(sums, key).Add(counts);
            }
        }

        return sums;
    }

    private static DenseCounts Sum(Dictionary<string, DenseCounts> sums, string key)
    {
        if (!sums.TryGetValue(key, out var sum))
        {
            sums[key] = sum = new DenseCounts();
        }

        return sum;
    }

    private static void AddTo(long[] dense, DurationHistogram histogram)
    {
        foreach (var (bucket, count) in histogram.Buckets)
        {
            dense[Math.Clamp(bucket, 0, Buckets - 1)] += count;
        }
    }

    private static DurationHistogram Sparse(long[] dense)
    {
        var histogram = new DurationHistogram();
        for (var bucket = 0; bucket < dense.Length; bucket++)
        {
            if (dense[bucket] != 0)
            {
                histogram.Buckets[bucket] = dense[bucket];
            }
        }

        return histogram;
    }
}
