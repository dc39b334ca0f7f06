using Conversations.Load.Bench.OpenLoop;

namespace Conversations.Load.Bench.Scenarios;

/// <summary>
/// S4: 10/100/1,000 agent consoles watch the property; one visitor message is posted at a time and timed from
/// the send until the last console has it (chat grain, storage, stream, the web node's relay, the SignalR group).
/// </summary>
public sealed class FanOutScenario(LoadCluster cluster, BenchPlan plan)
{
    public async Task<List<FanOutSummary>> RunAsync()
    {
        var tracker = new FanOutTracker();
        var sender = cluster.Visitors[0];
        var consolesBefore = cluster.ConsoleCount;
        var open = 0;
        var results = new List<FanOutSummary>();
        foreach (var size in plan.FanOutSizes)
        {
            await cluster.OpenConsolesAsync(size - open, tracker.Arrived);
            open = size;
            var result = await FanOutMeasurement.RunAsync(tracker, size, plan.FanOutEvents, TimeSpan.FromSeconds(10),
                eventId => sender.SendAsync(eventId, BenchPlan.MessageText));
            BenchLog.Write("S4 fan-out", result);
            results.Add(result);
        }

        // What follows (S2b) measures messages, not fan-out: with S4's 1,000 consoles still open, every message of the
        // overload went to 1,000 consoles and the run measured fan-out capacity instead.
        await cluster.CloseConsolesAsync(keep: consolesBefore);
        return results;
    }
}
