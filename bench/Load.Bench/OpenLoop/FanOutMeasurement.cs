using HdrHistogram;

namespace Conversations.Load.Bench.OpenLoop;

/// <summary>Sends one event at a time and waits until every receiver has it (or the timeout) before the next.</summary>
public static class FanOutMeasurement
{
    public static async Task<FanOutSummary> RunAsync(
        FanOutTracker tracker, int receivers, int events, TimeSpan timeout, Func<string, Task> send)
    {
        var first = new LongHistogram(600_000_000, 3);
        var last = new LongHistogram(600_000_000, 3);
        var lastAfterAck = new LongHistogram(600_000_000, 3);
        var incomplete = 0;
        for (var i = 0; i < events; i++)
        {
            var eventId = $"fan-{Guid.NewGuid():N}";
            var arrival = tracker.Expect(eventId, receivers);
            try
            {
                var sending = System.Diagnostics.Stopwatch.StartNew();
                await send(eventId);
                var toAck = sending.Elapsed;
                var (toFirst, toLast) = await arrival.WaitAsync(timeout);
                lastAfterAck.RecordValue(Math.Max(1, (long)(toLast - toAck).TotalMicroseconds));
                first.RecordValue(Math.Max(1, (long)toFirst.TotalMicroseconds));
                last.RecordValue(Math.Max(1, (long)toLast.TotalMicroseconds));
            }
            catch (Exception ex) when (ex is TimeoutException or Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException)
            {
                incomplete++;
            }

            // A random gap: a fixed one that is a multiple of the silo's stream polling period would send every event
            // at the same phase of the poll and measure one point of that wait instead of its spread.
            await Task.Delay(TimeSpan.FromMilliseconds(40 + Random.Shared.NextDouble() * 20));
        }

        double Ms(LongHistogram h, double percentile) => h.TotalCount == 0 ? 0 : Math.Round(h.GetValueAtPercentile(percentile) / 1000.0, 2);
        var lastP50 = Ms(last, 50);
        return new FanOutSummary(
            receivers, events, incomplete, Ms(first, 50), lastP50, Ms(last, 99), Ms(last, 100),
            lastP50 > 0 ? Math.Round(receivers / (lastP50 / 1000.0)) : 0, Ms(lastAfterAck, 50));
    }
}
