using System.Collections.Concurrent;

namespace Conversations.Load.Bench.OpenLoop;

/// <summary>
/// Latencies by the second their operation was due, so a run's tail can be told apart: a few seconds of stall (a pause
/// somewhere) or a queue that is always there.
/// </summary>
public sealed class LatencyTimeline
{
    private readonly ConcurrentDictionary<int, ConcurrentBag<double>> _seconds = new();

    public void Record(TimeSpan dueAfterStart, TimeSpan latency) =>
        _seconds.GetOrAdd((int)dueAfterStart.TotalSeconds, _ => []).Add(latency.TotalMilliseconds);

    /// <summary>One line per second: its p50, p99 and max in ms, marking the seconds whose max exceeds <paramref name="slowMs"/>.</summary>
    public IEnumerable<string> Describe(double slowMs) =>
        _seconds.OrderBy(s => s.Key).Select(second =>
        {
            var sorted = second.Value.Order().ToList();
            var max = sorted[^1];
            return $"{second.Key,4} s  {sorted.Count,5}  p50 {SortedPercentile.Of(sorted, 0.5),7:0.0}  p99 {SortedPercentile.Of(sorted, 0.99),7:0.0}  " +
                $"max {max,7:0.0}{(max > slowMs ? "  <-- slow" : "")}";
        });
}
