using System.Diagnostics;
using HdrHistogram;

namespace Conversations.Load.Bench.OpenLoop;

/// <summary>A thread-safe latency histogram in microseconds (1 µs to 10 min, 3 significant digits) with a failure count.</summary>
public sealed class LatencyRecorder
{
    private const long HighestMicroseconds = 600_000_000;

    private readonly LongConcurrentHistogram _histogram = new(1, HighestMicroseconds, 3);
    private long _failed;
    private string? _firstError;

    public long Count => _histogram.TotalCount;

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>The time from <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) until now.</summary>
    public void RecordSince(long startTimestamp) => Record(Stopwatch.GetElapsedTime(startTimestamp));

    public void Record(TimeSpan latency) =>
        _histogram.RecordValue(Math.Clamp((long)latency.TotalMicroseconds, 1, HighestMicroseconds));

    public void Fail(Exception error)
    {
        Interlocked.Increment(ref _failed);
        Interlocked.CompareExchange(ref _firstError, $"{error.GetType().Name}: {error.Message}", null);
    }

    public LatencySummary Summarize(double offeredPerSecond, double achievedPerSecond) =>
        LatencySummary.From(_histogram, Failed, offeredPerSecond, achievedPerSecond, _firstError);
}
