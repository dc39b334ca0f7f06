using System.Collections.Concurrent;
using Conversations.Load.Bench.OpenLoop;
using Conversations.Load.Bench.Report;

namespace Conversations.Load.Bench.Scenarios;

/// <summary>
/// S1: every chat's visitor sends a message once per chat interval (open loop); one agent console watches the
/// property. Measured from each message's scheduled send time until the console received it: the visitor hub,
/// the chat grain storing it (message row and state), the stream to the web node and the agent hub.
/// </summary>
public sealed class EndToEndLatencyScenario(LoadCluster cluster, BenchPlan plan)
{
    private readonly ConcurrentDictionary<string, (long Due, TaskCompletionSource Seen)> _waiting = new();
    private LatencyRecorder _toAgent = new();

    public async Task<List<ChatLatencyRun>> RunAsync()
    {
        await cluster.OpenConsolesAsync(1, Seen);
        var runs = new List<ChatLatencyRun>();
        foreach (var chats in plan.ChatCounts)
        {
            await cluster.GrowVisitorsAsync(chats);
            BenchLog.Write($"S1: {chats} chats started");
            await MeasureAsync(chats, plan.Warmup, seed: -chats);
            var run = await MeasureAsync(chats, plan.LatencyDuration, seed: chats);
            BenchLog.Write($"S1 visitor → agent, {chats} chats", run.ToAgent);
            BenchLog.Write($"S1 visitor acknowledged, {chats} chats", run.Acknowledged);
            runs.Add(run);
        }

        return runs;
    }

    private async Task<ChatLatencyRun> MeasureAsync(int chats, TimeSpan duration, int seed)
    {
        var toAgent = _toAgent = new LatencyRecorder();
        var acknowledged = new LatencyRecorder();
        var schedule = OpenLoopSchedule.PerClient(chats, plan.ChatInterval, duration, seed);
        var whole = await OpenLoopRunner.RunAsync(schedule, async (op, due) =>
        {
            var visitor = cluster.Visitors[op.Client];
            var commandId = visitor.NextCommandId();
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[commandId] = (due, seen);
            try
            {
                await visitor.SendAsync(commandId, BenchPlan.MessageText);
                acknowledged.RecordSince(due);
                await seen.Task.WaitAsync(plan.OperationTimeout);
            }
            catch (Exception ex)
            {
                _waiting.TryRemove(commandId, out _);
                toAgent.Fail(ex);
                throw;
            }
        }, plan.OperationTimeout * 2, duration);

        return new ChatLatencyRun(
            chats,
            toAgent.Summarize(whole.OfferedPerSecond, whole.AchievedPerSecond),
            acknowledged.Summarize(whole.OfferedPerSecond, whole.AchievedPerSecond));
    }

    private void Seen(string commandId)
    {
        if (_waiting.TryRemove(commandId, out var waiting))
        {
            _toAgent.RecordSince(waiting.Due);
            waiting.Seen.TrySetResult();
        }
    }
}
