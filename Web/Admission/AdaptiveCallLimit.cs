namespace Conversations.Web.Admission;

/// <summary>
/// How many calls a web node admits at once, adapted to how long calls take (OPS-3). By Little's law, calls in flight =
/// throughput × call time, so while calls take longer than the target, the limit falls towards what was in flight scaled
/// by target / measured (by at most a quarter per window); while they take less and the limit is what holds calls back, it
/// grows (doubling while calls take under half the target). A node whose cluster is slower than its ceiling assumes —
/// fewer silos, a silo dying, storage stalling — refuses the excess instead of queueing it.
/// </summary>
public sealed class AdaptiveCallLimit(int min, int max, TimeSpan target)
{
    private readonly int _min = Math.Min(min, max);
    private readonly int _max = max;

    public int Current { get; private set; } = max;

    /// <summary>One window's measurements: the most calls in flight at once and the mean time of the calls that ended.</summary>
    public void Adjust(int peakInFlight, TimeSpan meanCallTime)
    {
        if (target <= TimeSpan.Zero)
        {
            return;
        }

        if (meanCallTime > target)
        {
            // Below the floor the limit holds nothing back, so a slow call among a few (an upload) changes nothing.
            if (peakInFlight > _min)
            {
                var scale = Math.Max(0.75, target / meanCallTime);
                Current = Math.Max(_min, (int)(Math.Min(Current, peakInFlight) * scale));
            }

            return;
        }

        if (peakInFlight >= Current * 9 / 10)
        {
            var grown = meanCallTime < target / 2 ? Current * 2 : Current + Math.Max(1, Current / 10);
            Current = Math.Min(_max, grown);
        }
    }
}
