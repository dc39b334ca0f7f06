using Conversations.Load.Bench.OpenLoop;
using Conversations.Load.Bench.Report;

namespace Conversations.Load.Bench.References;

/// <summary>R1: raw WebSocket round trips to a bare Kestrel server, at the chat counts of S1 and at capacity.</summary>
public static class WebSocketEchoBenchmark
{
    public static async Task<(List<EchoRun> Runs, LatencySummary Capacity)> RunAsync(ReferenceServer server, BenchPlan plan)
    {
        var sockets = new List<EchoSocket>();
        try
        {
            var runs = new List<EchoRun>();
            foreach (var count in plan.ChatCounts)
            {
                sockets.AddRange(await OpenAsync(count - sockets.Count, server));
                var schedule = OpenLoopSchedule.PerClient(count, plan.ChatInterval, plan.LatencyDuration, seed: count);
                var latency = await OpenLoopRunner.RunAsync(
                    schedule, (op, _) => sockets[op.Client].EchoAsync(BenchPlan.MessageText), plan.OperationTimeout, plan.LatencyDuration);
                BenchLog.Write($"R1 WebSocket echo, {count} connections", latency);
                runs.Add(new EchoRun(count, latency));
            }

            var capacity = await ClosedLoopRunner.RunAsync(
                plan.CapacityConcurrency, plan.CapacityDuration, (worker, _) => sockets[worker % sockets.Count].EchoAsync(BenchPlan.MessageText));
            BenchLog.Write("R1 WebSocket echo capacity", capacity);
            return (runs, capacity);
        }
        finally
        {
            await Task.WhenAll(sockets.Select(s => s.DisposeAsync().AsTask()));
        }
    }

    private static Task<EchoSocket[]> OpenAsync(int count, ReferenceServer server) =>
        Clients.HubConnections.OpenManyAsync(count, 32, _ => EchoSocket.ConnectAsync(server.Address));
}
