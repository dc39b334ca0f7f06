using System.Collections.Concurrent;

namespace Conversations.Web.Visitors;

/// <summary>
/// At most <c>permits</c> per key in each window, the window starting at the key's first permit. Counted on the caller's
/// thread, with no timer: a partitioned rate limiter of System.Threading.RateLimiting visits every key's limiter ten times
/// a second, which with thousands of visitors online was a steady share of the web node's CPU
/// (bench/results/load-notes.md). Keys whose window has ended are swept at most once per window, by a caller.
/// </summary>
public sealed class WindowCounters(int permits, TimeSpan window, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly long _windowTicks = (long)(window.TotalSeconds * clock.TimestampFrequency);
    private long _nextSweep = clock.GetTimestamp();

    /// <summary>How many keys are counted now.</summary>
    public int KeyCount => _windows.Count;

    /// <summary>Takes a permit of <paramref name="key"/>; when none is left, says how long until its window ends.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        var now = clock.GetTimestamp();
        SweepIfDue(now);
        while (true)
        {
            var current = _windows.GetOrAdd(key, _ => new Window(now));
            lock (current)
            {
                if (current.Swept)
                {
                    continue; // removed meanwhile: take the key's new window
                }

                if (Ended(current, now))
                {
                    current.Start = now;
                    current.Count = 0;
                }

                if (current.Count < permits)
                {
                    current.Count++;
                    retryAfter = TimeSpan.Zero;
                    return true;
                }

                retryAfter = clock.GetElapsedTime(now, current.Start + _windowTicks); // the window has not ended, so this is positive
                return false;
            }
        }
    }

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + _windowTicks, due) != due)
        {
            return;
        }

        foreach (var (key, counted) in _windows)
        {
            lock (counted)
            {
                if (Ended(counted, now))
                {
                    counted.Swept = true;
                    _windows.TryRemove(KeyValuePair.Create(key, counted));
                }
            }
        }
    }

    private bool Ended(Window counted, long now) => now - counted.Start >= _windowTicks;

    private sealed class Window(long start)
    {
        public long Start { get; set; } = start;

        public int Count { get; set; }

        public bool Swept { get; set; }
    }
}
