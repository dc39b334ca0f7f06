using System.Diagnostics;

namespace Conversations.Load.Bench.OpenLoop;

/// <summary>
/// The most a target does: <c>concurrency</c> workers each start the next operation as soon as the last
/// one answered, for a fixed time. Used for capacity figures only; its latencies are not open-loop.
/// </summary>
public static class ClosedLoopRunner
{
    public static async Task<LatencySummary> RunAsync(int concurrency, TimeSpan duration, Func<int, long, Task> operation)
    {
        var recorder = new LatencyRecorder();
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (long n = 0; Stopwatch.GetElapsedTime(start) < duration; n++)
            {
                var began = Stopwatch.GetTimestamp();
                try
                {
                    await operation(worker, n);
                    recorder.RecordSince(began);
                }
                catch (Exception ex)
                {
                    recorder.Fail(ex);
                }
            }
        }));
        await Task.WhenAll(workers);
        var perSecond = recorder.Count / Stopwatch.GetElapsedTime(start).TotalSeconds;
        return recorder.Summarize(perSecond, perSecond);
    }
}
