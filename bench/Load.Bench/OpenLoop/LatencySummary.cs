using HdrHistogram;

namespace Conversations.Load.Bench.OpenLoop;

/// <summary>Latencies in milliseconds and rates per second of one measured run.</summary>
public sealed record LatencySummary(
    long Count,
    long Failed,
    double OfferedPerSecond,
    double AchievedPerSecond,
    double MeanMs,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double P999Ms,
    double MaxMs,
    string? FirstError)
{
    public static LatencySummary From(HistogramBase microseconds, long failed, double offeredPerSecond, double achievedPerSecond, string? firstError)
    {
        double Ms(double percentile) => microseconds.TotalCount == 0 ? 0 : Round(microseconds.GetValueAtPercentile(percentile) / 1000.0);
        return new LatencySummary(
            microseconds.TotalCount,
            failed,
            Round(offeredPerSecond),
            Round(achievedPerSecond),
            microseconds.TotalCount == 0 ? 0 : Round(microseconds.GetMean() / 1000.0),
            Ms(50),
            Ms(90),
            Ms(99),
            Ms(99.9),
            microseconds.TotalCount == 0 ? 0 : Round(microseconds.GetMaxValue() / 1000.0),
            firstError);
    }

    private static double Round(double value) => Math.Round(value, 2);
}
