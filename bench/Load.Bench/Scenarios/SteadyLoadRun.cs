using Conversations.Load.Bench.OpenLoop;
using Conversations.Load.Bench.Report;

namespace Conversations.Load.Bench.Scenarios;

/// <summary>
/// <c>--steady RATE:SECONDS</c>: S2's visitor messages at one rate over the largest S1 chat count, once to warm the
/// processes up (tiered JIT, connection pools) and once measured, with the CPU each process spent per message.
/// Between the two a profiler gets 5 s to attach (bench/run-load.sh --perf waits for the line saying so).
/// </summary>
public static class SteadyLoadRun
{
    public static async Task RunAsync(BenchOptions options, BenchPlan plan, SteadyLoad steady)
    {
        await using var cluster = await LoadCluster.SignInAsync(options);
        await cluster.OpenConsolesAsync(1, _ => { });
        await cluster.GrowVisitorsAsync(plan.ChatCounts.Max());
        var scenario = new SustainedMessagesScenario(cluster, plan);
        await scenario.RunStepAsync(steady.Rate, steady.Duration);
        BenchLog.Write($"Steady load warmed up on {cluster.Visitors.Count} chats; start the profiler now (5 s)");
        await Task.Delay(TimeSpan.FromSeconds(5));

        var usage = new UsageRecorder(options.Processes);
        usage.Start("Steady load");
        var timeline = new LatencyTimeline();
        var measured = await scenario.RunStepAsync(steady.Rate, steady.Duration, timeline);
        usage.Finish();
        BenchLog.Write("Latency of the measured run by the second each message was due (ms):" + Environment.NewLine +
            string.Join(Environment.NewLine, timeline.Describe(plan.KneeP99Ms)));
        var cpu = usage.Parts[0].CpuSeconds;
        var messages = Math.Max(1, measured.Count);
        BenchLog.Write("CPU ms per acknowledged message: " + string.Join(", ", cpu.Select(p => $"{p.Key} {p.Value * 1000 / messages:0.00}")) +
            $" (total {cpu.Values.Sum() * 1000 / messages:0.00})");
    }
}
