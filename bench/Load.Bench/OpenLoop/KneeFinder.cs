namespace Conversations.Load.Bench.OpenLoop;

/// <summary>
/// Steps the offered rate up until a step misses the latency bound, fails requests or falls behind the
/// offered rate; the knee is the highest step that did none of these.
/// </summary>
public static class KneeFinder
{
    /// <summary>At most this share of requests may fail in a passing step.</summary>
    public const double MaxFailedShare = 0.001;

    /// <summary>A passing step completes at least this share of the offered rate.</summary>
    public const double MinAchievedShare = 0.95;

    public static IEnumerable<double> Rates(double first, double factor, double last)
    {
        for (var rate = first; rate <= last; rate *= factor)
        {
            yield return Math.Round(rate);
        }
    }

    public static bool Passes(LatencySummary step, double p99BoundMs) =>
        step.Count > 0
        && step.P99Ms <= p99BoundMs
        && step.Failed <= MaxFailedShare * (step.Count + step.Failed)
        && step.AchievedPerSecond >= MinAchievedShare * step.OfferedPerSecond;

    /// <summary>The achieved rate of the last passing step before the first failing one; 0 when the first step fails.</summary>
    public static double Knee(IEnumerable<LatencySummary> steps, double p99BoundMs)
    {
        var knee = 0.0;
        foreach (var step in steps)
        {
            if (!Passes(step, p99BoundMs))
            {
                break;
            }

            knee = step.AchievedPerSecond;
        }

        return knee;
    }
}
