using Conversations.Load.Bench.OpenLoop;
using Conversations.Load.Bench.Report;

namespace Conversations.Load.Bench.Scenarios;

/// <summary>
/// S2: visitor messages spread over all chats at a fixed offered rate (open loop), each measured until its
/// acknowledgement, which the chat grain gives only after the message row and its state are stored. The rate
/// steps up until p99 exceeds the bound (or requests fail, or the system falls behind); the last good step is the knee.
/// </summary>
public sealed class SustainedMessagesScenario(LoadCluster cluster, BenchPlan plan)
{
    public async Task<(List<LatencySummary> Steps, double Knee)> RunAsync()
    {
        var steps = new List<LatencySummary>();
        foreach (var rate in KneeFinder.Rates(plan.FirstSustainedRate, plan.SustainedRateFactor, plan.LastSustainedRate))
        {
            var step = await RunStepAsync(rate, plan.SustainedStep);
            steps.Add(step);
            if (!KneeFinder.Passes(step, plan.KneeP99Ms))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        return (steps, KneeFinder.Knee(steps, plan.KneeP99Ms));
    }

    /// <summary>Visitor messages at one offered rate for <paramref name="duration"/>, spread over all chats.</summary>
    public async Task<LatencySummary> RunStepAsync(double rate, TimeSpan duration, LatencyTimeline? timeline = null)
    {
        var probe = new MessageLogProbe(cluster.Options.Silo);
        var before = await probe.ReadAsync();
        var schedule = OpenLoopSchedule.Rate(rate, duration, cluster.Visitors.Count);
        var step = await OpenLoopRunner.RunAsync(schedule, (op, _) =>
        {
            var visitor = cluster.Visitors[op.Client];
            return visitor.SendAsync(visitor.NextCommandId(), BenchPlan.MessageText);
        }, plan.OperationTimeout, duration, timeline);
        BenchLog.Write($"S2 persisted messages at {rate}/s", step, MessageLogProbe.Describe(before, await probe.ReadAsync()));
        return step;
    }
}
