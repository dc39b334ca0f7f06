using System.Diagnostics;
using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Inbox.Bench;

/// <summary>
/// Concurrent callers on the thread pool, as grain calls are: each issues its queries one after another, cycling through
/// the combinations; a latency runs from when a query is issued (so it includes waiting behind the other callers for a
/// core) to when its page is ready.
/// </summary>
public static class Callers
{
    public const int Count = 50;
    public const int QueriesEach = 120;

    /// <summary>The latencies in milliseconds per combination.</summary>
    public static List<double>[] Run(int combos, Func<int, Task> query)
    {
        var latencies = Enumerable.Range(0, combos).Select(_ => new List<double>()).ToArray();
        var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var callers = Enumerable.Range(0, Count).Select(caller => Task.Run(async () =>
        {
            var mine = Enumerable.Range(0, combos).Select(_ => new List<double>()).ToArray();
            for (var q = 0; q < QueriesEach; q++)
            {
                var c = (caller + q) % combos;
                var issued = Stopwatch.GetTimestamp();
                await Task.Yield();
                await query(c);
                mine[c].Add(Stopwatch.GetElapsedTime(issued).TotalMilliseconds);
            }

            lock (latencies)
            {
                for (var c = 0; c < combos; c++)
                {
                    latencies[c].AddRange(mine[c]);
                }
            }
        })).ToArray();
        Task.WaitAll(callers);
        Console.WriteLine($"  garbage collections while measuring: {GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(1) - gen1} gen1, {GC.CollectionCount(2) - gen2} gen2, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms; server GC: {System.Runtime.GCSettings.IsServerGC}");
        return latencies;
    }

    public static double At(IReadOnlyList<double> sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The figures of one run from its latencies.</summary>
    public static SizeResult Summarise(int size, TimeSpan seeding, double bytesPerRow, double[] aloneMs, (string Name, InboxQuery Query)[] combos, long[] totals, List<double>[] latencies)
    {
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var perCombo = combos.Select((c, i) =>
        {
            var sorted = latencies[i].Order().ToArray();
            return new ComboResult(c.Name, At(sorted, 50), At(sorted, 99), totals[i], aloneMs[i]);
        }).ToList();
        return new SizeResult(size, seeding, bytesPerRow, aloneMs.Average(), At(all, 50), At(all, 99), all[^1], Load(), perCombo);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg")[..14].Trim() : "n/a";
}
