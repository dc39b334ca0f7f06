namespace Conversations.Load.Bench.OpenLoop;

/// <summary>
/// When each operation of an open-loop run is due, fixed before the run starts: arrivals never wait
/// for earlier answers, so a slow answer cannot hold back the next request (no coordinated omission).
/// </summary>
public static class OpenLoopSchedule
{
    /// <summary>
    /// Each client sends once per <paramref name="interval"/>, from its own random phase within the first interval,
    /// so the clients together offer <c>clients / interval</c> operations per second, spread out rather than in bursts.
    /// </summary>
    public static IReadOnlyList<ScheduledOperation> PerClient(int clients, TimeSpan interval, TimeSpan duration, int seed)
    {
        var random = new Random(seed);
        var operations = new List<ScheduledOperation>();
        for (var client = 0; client < clients; client++)
        {
            for (var at = interval * random.NextDouble(); at < duration; at += interval)
            {
                operations.Add(new ScheduledOperation(at, client));
            }
        }

        operations.Sort((a, b) => a.At.CompareTo(b.At));
        return operations;
    }

    /// <summary><paramref name="perSecond"/> evenly spaced operations per second, handed to the clients in turn.</summary>
    public static IReadOnlyList<ScheduledOperation> Rate(double perSecond, TimeSpan duration, int clients)
    {
        var count = (int)Math.Floor(perSecond * duration.TotalSeconds);
        return [.. Enumerable.Range(0, count).Select(i => new ScheduledOperation(TimeSpan.FromSeconds(i / perSecond), i % clients))];
    }
}
