using System.Diagnostics;

namespace Conversations.Tests.Infrastructure;

/// <summary>
/// How late this test process runs its own timers: a 10 ms delay loop that records the worst overshoot. A latency
/// measured from the client's side cannot be shorter than the client's own pauses (GC, a starved thread pool on a
/// 2-core machine), so assertions on the client's view allow for them and say how large they were.
/// </summary>
public sealed class SchedulingLagProbe : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _worstTicks;

    private SchedulingLagProbe() => _loop = Task.Run(LoopAsync);

    /// <summary>The longest pause seen so far beyond the 10 ms tick.</summary>
    public TimeSpan WorstLag => TimeSpan.FromTicks(Interlocked.Read(ref _worstTicks));

    public static SchedulingLagProbe Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await Task.Delay(Tick, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var lag = Stopwatch.GetElapsedTime(started) - Tick;
            if (lag.Ticks > Interlocked.Read(ref _worstTicks))
            {
                Interlocked.Exchange(ref _worstTicks, lag.Ticks);
            }
        }
    }
}
