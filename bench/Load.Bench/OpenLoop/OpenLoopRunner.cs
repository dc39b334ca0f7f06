using System.Diagnostics;

namespace Conversations.Load.Bench.OpenLoop;

/// <summary>
/// Starts each operation at its scheduled time whether or not earlier ones have answered, and measures
/// its latency from that scheduled time: when the generator itself falls behind, the delay counts too.
/// </summary>
public static class OpenLoopRunner
{
    /// <param name="operation">Gets the operation and its scheduled start as a <see cref="Stopwatch"/> timestamp.</param>
    public static async Task<LatencySummary> RunAsync(
        IReadOnlyList<ScheduledOperation> schedule, Func<ScheduledOperation, long, Task> operation, TimeSpan timeout, TimeSpan duration,
        LatencyTimeline? timeline = null)
    {
        var recorder = new LatencyRecorder();
        var running = new List<Task>(schedule.Count);
        var start = Stopwatch.GetTimestamp();
        foreach (var scheduled in schedule)
        {
            var due = start + (long)(scheduled.At.TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            running.Add(RunOneAsync(scheduled, due));
        }

        await Task.WhenAll(running);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var window = Math.Max(duration.TotalSeconds, 0.001);
        return recorder.Summarize(schedule.Count / window, recorder.Count / Math.Max(window, elapsed.TotalSeconds));

        async Task RunOneAsync(ScheduledOperation scheduled, long due)
        {
            try
            {
                await operation(scheduled, due).WaitAsync(timeout);
                recorder.RecordSince(due);
                timeline?.Record(scheduled.At, Stopwatch.GetElapsedTime(due));
            }
            catch (Exception ex)
            {
                recorder.Fail(ex);
            }
        }
    }
}
