using Conversations.Load.Bench.Clients;
using Conversations.Load.Bench.OpenLoop;
using Conversations.Load.Bench.Report;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Load.Bench.References;

/// <summary>
/// R2: a bare SignalR hub in the bench process. Echo: open-loop round trips at the chat counts of S1 and at
/// capacity. Broadcast: one event to a group of 10/100/500 connections, as S4 sends one to as many consoles.
/// </summary>
public static class SignalREchoBenchmark
{
    private const string Group = "all";

    public static async Task<(List<EchoRun> Runs, LatencySummary Capacity)> EchoAsync(ReferenceServer server, BenchPlan plan)
    {
        var connections = new List<HubConnection>();
        try
        {
            var runs = new List<EchoRun>();
            foreach (var count in plan.ChatCounts)
            {
                connections.AddRange(await HubConnections.OpenManyAsync(count - connections.Count, 32, _ => Connect(server)));
                var schedule = OpenLoopSchedule.PerClient(count, plan.ChatInterval, plan.LatencyDuration, seed: count);
                var latency = await OpenLoopRunner.RunAsync(
                    schedule, (op, _) => connections[op.Client].InvokeAsync<string>(nameof(EchoHub.Echo), BenchPlan.MessageText),
                    plan.OperationTimeout, plan.LatencyDuration);
                BenchLog.Write($"R2 SignalR echo, {count} connections", latency);
                runs.Add(new EchoRun(count, latency));
            }

            var capacity = await ClosedLoopRunner.RunAsync(
                plan.CapacityConcurrency, plan.CapacityDuration,
                (worker, _) => connections[worker % connections.Count].InvokeAsync<string>(nameof(EchoHub.Echo), BenchPlan.MessageText));
            BenchLog.Write("R2 SignalR echo capacity", capacity);
            return (runs, capacity);
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    public static async Task<List<FanOutSummary>> BroadcastAsync(ReferenceServer server, BenchPlan plan)
    {
        var tracker = new FanOutTracker();
        var receivers = new List<HubConnection>();
        var sender = await Connect(server);
        try
        {
            var results = new List<FanOutSummary>();
            foreach (var size in plan.FanOutSizes)
            {
                receivers.AddRange(await HubConnections.OpenManyAsync(size - receivers.Count, 32, async _ =>
                {
                    var connection = await HubConnections.StartAsync(new Uri(server.Address, EchoHub.Path), handlers: c =>
                        c.On<string>(EchoHub.EventMethod, payload => tracker.Arrived(payload[..payload.IndexOf('|')])));
                    await connection.InvokeAsync(nameof(EchoHub.Join), Group);
                    return connection;
                }));
                var result = await FanOutMeasurement.RunAsync(tracker, size, plan.FanOutEvents, TimeSpan.FromSeconds(10),
                    eventId => sender.InvokeAsync(nameof(EchoHub.Broadcast), Group, $"{eventId}|{BenchPlan.MessageText}"));
                BenchLog.Write("R2 SignalR broadcast", result);
                results.Add(result);
            }

            return results;
        }
        finally
        {
            await sender.DisposeAsync();
            await Task.WhenAll(receivers.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static Task<HubConnection> Connect(ReferenceServer server) => HubConnections.StartAsync(new Uri(server.Address, EchoHub.Path));
}
