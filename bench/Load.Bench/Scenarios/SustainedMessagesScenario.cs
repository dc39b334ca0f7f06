using Conversations.Load.Bench.OpenLoop;
using Conversations.Load.Bench.Report;

namespace Conversations.Load.Bench.Scenarios;

/// <summary>
/// S2: visitor messages spread over all chats at a fixed offered rate (open loop), each measured until its
/// acknowledgement, which the chat grain gives once the message row is stored. The rate steps up, each step offered for
/// <see cref="BenchPlan.SustainedLeadIn"/> before it is measured, until p99 exceeds the bound (or requests fail, or the
/// system falls behind); the last good step is the knee.
/// </summary>
public sealed class SustainedMessagesScenario(LoadCluster cluster, BenchPlan plan)
{
    public async Task<(List<LatencySummary> Steps, double Knee)> RunAsync()
    {
        var steps = new List<LatencySummary>();
        foreach (var rate in KneeFinder.Rates(plan.FirstSustainedRate, plan.SustainedRateFactor, plan.LastSustainedRate))
        {
            if (plan.SustainedLeadIn > TimeSpan.Zero)
            {
                await OfferAsync(rate, plan.SustainedLeadIn, timeline: null);
            }

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
        var step = await OfferAsync(rate, duration, timeline);
        BenchLog.Write($"S2 persisted messages at {rate}/s", step, MessageLogProbe.Describe(before, await probe.ReadAsync()));
        return step;
    }

    private Task<LatencySummary> OfferAsync(double rate, TimeSpan duration, LatencyTimeline? timeline)
    {
        var schedule = OpenLoopSchedule.Rate(rate, duration, cluster.Visitors.Count);
        return OpenLoopRunner.RunAsync(schedule, (op, _) =>
        {
            var visitor = cluster.Visitors[op.Client];
            return visitor.SendAsync(visitor.NextCommandId(), BenchPlan.MessageText);
        }, plan.OperationTimeout, duration, timeline);
    }
}
