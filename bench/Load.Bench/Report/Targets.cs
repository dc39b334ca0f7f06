using Conversations.Load.Bench.OpenLoop;

namespace Conversations.Load.Bench.Report;

/// <summary>The targets, each judged against the figures of the same run.</summary>
public static class Targets
{
    public const string AtKneePart = "S2c steady at the knee";
    public const string InsertPart = "R4 Azurite table inserts";

    public static List<TargetResult> Judge(ReferenceResults references, SystemResults system, BenchPlan plan, IReadOnlyList<PartUsage>? parts = null)
    {
        var targets = new List<TargetResult>();
        var largest = system.EndToEnd.MaxBy(r => r.Chats);
        if (largest is not null)
        {
            targets.Add(new TargetResult("S1", $"p99 visitor message → agent ≤ 50 ms at {largest.Chats} chats",
                largest.ToAgent.P99Ms, 50, "ms", largest.ToAgent.Failed == 0 && largest.ToAgent.P99Ms <= 50, "≤"));
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

        JudgeWritePath(references, system, plan, parts ?? [], targets);
        return targets;
    }

    /// <summary>The targets of issue 17 (the write path), each a ratio to a reference of the same run.</summary>
    private static void JudgeWritePath(ReferenceResults references, SystemResults system, BenchPlan plan, IReadOnlyList<PartUsage> parts, List<TargetResult> targets)
    {
        if (CpuPerMessageMs(parts, system.AtKnee) is { } perMessage && CpuPerInsertMs(parts, references.TableInserts) is { } perInsert)
        {
            targets.Add(new TargetResult("CPU", "CPU per stored and delivered message at the knee (Azurite + silo + web) ≤ 2 × one raw insert (Azurite + its client)",
                Math.Round(perMessage, 3), Math.Round(2 * perInsert, 3), "ms", perMessage <= 2 * perInsert, "≤"));
        }

        foreach (var run in system.EndToEnd)
        {
            if (references.SignalREcho.FirstOrDefault(e => e.Connections == run.Chats) is { } echo)
            {
                var required = Math.Round(3 * echo.Latency.P99Ms, 2);
                targets.Add(new TargetResult("S1", $"p99 visitor → agent ≤ 3 × R2 SignalR echo p99 at {run.Chats} chats",
                    run.ToAgent.P99Ms, required, "ms", run.ToAgent.Failed == 0 && run.ToAgent.P99Ms <= required, "≤"));
            }
        }

        foreach (var fanOut in system.FanOut)
        {
            if (references.SignalRBroadcast.FirstOrDefault(r => r.Receivers == fanOut.Receivers) is { } broadcast)
            {
                var required = Math.Round(2 * broadcast.LastP50Ms, 2);
                targets.Add(new TargetResult("S4", $"median time from the sender's acknowledgement to the last of {fanOut.Receivers} consoles ≤ 2 × R2 broadcast time",
                    fanOut.LastAfterAckP50Ms, required, "ms", fanOut.Incomplete == 0 && fanOut.LastAfterAckP50Ms <= required, "≤"));
            }
        }

        if (system.Overload is { } overload)
        {
            targets.Add(new TargetResult("S2b", "goodput at 2 × the knee ≥ 0.9 × knee", Math.Round(overload.GoodputPerSecond, 1),
                Math.Round(0.9 * system.KneePerSecond, 1), "msg/s", overload.GoodputShareOfKnee >= 0.9));
            targets.Add(new TargetResult("S2b", $"p99 ≤ {BenchPlan.RecoveryP99Ms} ms within 10 s after the load drops",
                overload.RecoverySeconds ?? plan.RecoveryDuration.TotalSeconds, 10, "s", overload.RecoverySeconds <= 10, "≤"));
            targets.Add(new TargetResult("S2b", $"proposed: p99 of the messages from then on within {Scenarios.OverloadScenario.BaselineFactor} × half the knee's own p99 before the overload ({overload.BaselineP99Ms:0} ms), within 10 s after the load drops",
                overload.BaselineRecoverySeconds ?? plan.RecoveryDuration.TotalSeconds, 10, "s", overload.BaselineRecoverySeconds <= 10, "≤"));
            targets.Add(new TargetResult("S2b", "acknowledged messages lost", overload.AcknowledgedLost, 0, "messages", overload.AcknowledgedLost == 0, "≤"));
        }
    }

    /// <summary>CPU of Azurite, the silo and the web node per message of the steady step at the knee.</summary>
    public static double? CpuPerMessageMs(IReadOnlyList<PartUsage> parts, LatencySummary? atKnee) =>
        parts.FirstOrDefault(p => p.Part == AtKneePart) is { } part && atKnee is { Count: > 0 }
            ? part.CpuSeconds.Where(c => c.Key != "bench").Sum(c => c.Value) * 1000 / atKnee.Count
            : null;

    /// <summary>CPU of Azurite and the benchmark (the inserting client) per raw insert of R4.</summary>
    public static double? CpuPerInsertMs(IReadOnlyList<PartUsage> parts, LatencySummary inserts) =>
        parts.FirstOrDefault(p => p.Part == InsertPart) is { } part && inserts.Count > 0
            ? part.CpuSeconds.Where(c => c.Key is "azurite" or "bench").Sum(c => c.Value) * 1000 / inserts.Count
            : null;
}
