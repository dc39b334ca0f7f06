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
        for (var hour = 0; hour < 24; hour++)
        {
            _counts.ByHour[hour] += day.ByHour[hour];
        }

        AddTo(_firstResponse, day.FirstResponse);
        AddTo(_resolution, day.Resolution);
    }

    public ReportFigures Figures()
    {
        _counts.FirstResponse = Sparse(_firstResponse);
        _counts.Resolution = Sparse(_resolution);
        return ReportFigures.Of(_counts);
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
