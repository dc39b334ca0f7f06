namespace Conversations.Load.Bench.OpenLoop;

/// <summary>The nearest-rank percentile of values already sorted ascending; 0 when there are none.</summary>
public static class SortedPercentile
{
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
