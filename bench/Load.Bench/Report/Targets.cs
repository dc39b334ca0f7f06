namespace Conversations.Load.Bench.Report;

/// <summary>The targets, each judged against the figures of the same run.</summary>
public static class Targets
{
    public static List<TargetResult> Judge(ReferenceResults references, SystemResults system, BenchPlan plan)
    {
        var targets = new List<TargetResult>();
        var largest = system.EndToEnd.MaxBy(r => r.Chats);
        if (largest is not null)
        {
            targets.Add(new TargetResult("S1", $"p99 visitor message → agent ≤ 50 ms at {largest.Chats} chats",
                largest.ToAgent.P99Ms, 50, "ms", largest.ToAgent.Failed == 0 && largest.ToAgent.P99Ms <= 50));
        }

        var half = 0.5 * references.TableInserts.AchievedPerSecond;
        targets.Add(new TargetResult("S2", "knee ≥ 0.5 × R4 raw table inserts/s", system.KneePerSecond, Math.Round(half, 1), "msg/s", system.KneePerSecond >= half));

        foreach (var fanOut in system.FanOut)
        {
            var reference = references.SignalRBroadcast.FirstOrDefault(r => r.Receivers == fanOut.Receivers);
            if (reference is null)
            {
                continue;
            }

            var required = Math.Round(0.5 * reference.DeliveriesPerSecond);
            targets.Add(new TargetResult("S4", $"fan-out to {fanOut.Receivers} consoles ≥ 0.5 × R2 broadcast (deliveries/s at median time to the last)",
                fanOut.DeliveriesPerSecond, required, "deliveries/s", fanOut.Incomplete == 0 && fanOut.DeliveriesPerSecond >= required));
        }

        return targets;
    }
}
