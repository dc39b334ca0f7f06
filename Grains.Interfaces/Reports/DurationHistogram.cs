namespace Conversations.Grains.Interfaces.Reports;

/// <summary>
/// Durations counted in logarithmic buckets, eight per doubling (bucket i holds [r^i, r^(i+1)) seconds, r = 2^(1/8)); bucket 0
/// also holds everything under a second. Two histograms merge by adding counts, so per-day histograms add up to any period
/// exactly. A quantile is read as the geometric middle of its bucket: at most 4.4 % from the true value (half a bucket, r^½ − 1).
/// Counts may be negative in a delta (a change that takes a duration back out).
/// </summary>
[GenerateSerializer, Alias("Conversations.DurationHistogram")]
public sealed class DurationHistogram
{
    public const int BucketsPerDoubling = 8;

    /// <summary>The largest relative error of a quantile: half a bucket.</summary>
    public static readonly double MaxRelativeError = Math.Pow(2, 0.5 / BucketsPerDoubling) - 1;

    [Id(0)] public Dictionary<int, long> Buckets { get; set; } = [];

    public long Count => Buckets.Values.Sum();

    public static int BucketOf(TimeSpan duration) =>
        duration.TotalSeconds <= 1 ? 0 : (int)Math.Floor(Math.Log2(duration.TotalSeconds) * BucketsPerDoubling);

    /// <summary>The geometric middle of a bucket, in seconds.</summary>
    public static double MiddleOf(int bucket) => bucket == 0 ? 1 : Math.Pow(2, (bucket + 0.5) / BucketsPerDoubling);

    public void Add(TimeSpan duration, long count = 1) => Add(BucketOf(duration), count);

    public void Add(int bucket, long count)
    {
        var sum = Buckets.GetValueOrDefault(bucket) + count;
        if (sum == 0)
        {
            Buckets.Remove(bucket);
        }
        else
        {
            Buckets[bucket] = sum;
        }
    }

    public void Merge(DurationHistogram other, long sign = 1)
    {
        foreach (var (bucket, count) in other.Buckets)
        {
            Add(bucket, sign * count);
        }
    }

    /// <summary>The duration in seconds below which <paramref name="q"/> of the counted durations fall; null when none are counted.</summary>
    public double? Quantile(double q)
    {
        var total = Count;
        if (total <= 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(q * total));
        long seen = 0;
        foreach (var (bucket, count) in Buckets.OrderBy(b => b.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return Math.Round(MiddleOf(bucket), 1);
            }
        }

        return Math.Round(MiddleOf(Buckets.Keys.Max()), 1);
    }

    public DurationHistogram Copy() => new() { Buckets = new Dictionary<int, long>(Buckets) };
}
