using System.Collections.Concurrent;
using Conversations.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// OPS-4 across real processes: under steady load (visitors over SignalR, agents' consoles), every silo and then every
/// web node is stopped with SIGTERM and started again, one at a time. Clients may only see retriable failures
/// ("Unavailable", a dropped connection), which they retry with the same command id; nothing acknowledged is lost or doubled.
/// Size: ROLLING_TEST_VISITORS (default 20).
/// </summary>
[Trait("Category", "MultiProcess"), Collection(MultiProcessCollection.Name)]
public sealed class RollingRestartTests(ITestOutputHelper output) : ProcessClusterTest
{
    protected override Task<ProcessCluster> StartClusterAsync() => ProcessCluster.StartAsync(silos: 2, webs: 2);

    [Fact, Trait("Spec", "OPS-4"), Trait("Spec", "X-1")]
    public async Task OPS4_rolling_restart_of_every_silo_and_web_node_loses_nothing_and_shows_only_retriable_errors()
    {
        var visitorCount = SiloKillTests.SizeFrom("ROLLING_TEST_VISITORS", 20);
        var seenByAgents = new ConcurrentDictionary<(Guid Chat, string Command), bool>();
        var agents = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Cluster.ConnectAgentAsync(i, seenByAgents)));
        var visitors = await Task.WhenAll(Enumerable.Range(0, visitorCount).Select(Cluster.ConnectVisitorAsync));

        using var stop = new CancellationTokenSource();
        var started = DateTimeOffset.UtcNow;
        var sending = visitors.Select(v => v.SendSteadilyAsync(stop.Token)).ToList();
        var reconnecting = KeepConnectedAsync(agents, stop.Token); // as the console reconnects when its web node goes away
        await Task.Delay(TimeSpan.FromSeconds(4));

        var restarts = new List<(string Node, DateTimeOffset At)>();
        foreach (var (name, restart) in new (string, Func<Task>)[]
        {
            ("silo-0", () => Cluster.StartSiloAsync(0)),
            ("silo-1", () => Cluster.StartSiloAsync(1)),
            ("web-0", () => Cluster.StartWebAsync(0)),
            ("web-1", () => Cluster.StartWebAsync(1)),
        })
        {
            var at = DateTimeOffset.UtcNow;
            await Cluster.Node(name).StopAsync(TimeSpan.FromSeconds(30));
            output.WriteLine($"{(DateTimeOffset.UtcNow - started).TotalSeconds:F1}s {name} stopped (took {(DateTimeOffset.UtcNow - at).TotalSeconds:F1}s)");
            await restart();
            output.WriteLine($"{(DateTimeOffset.UtcNow - started).TotalSeconds:F1}s {name} healthy again");
            restarts.Add((name, at));
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        await stop.CancelAsync();
        await Task.WhenAll(sending);
        await reconnecting;

        using var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[0]);
        var failures = visitors.SelectMany(v => v.Attempts).Where(a => a.Error is not null).ToList();
        var notRetriable = failures.Where(a => a.Error!.StartsWith("HubException", StringComparison.Ordinal) && !a.Error.Contains("Unavailable:", StringComparison.Ordinal)).ToList();
        var acknowledged = visitors.Sum(v => v.Acknowledged.Count);
        var live = visitors.Sum(v => v.Acknowledged.Keys.Count(c => seenByAgents.ContainsKey((v.ChatId, c))));
        var longest = visitors.Max(v => v.LongestWaitBetween(restarts[0].At, DateTimeOffset.UtcNow.AddSeconds(-1)));
        output.WriteLine($"{visitorCount} visitors: {acknowledged} acknowledged, {live} seen live by agents ({100.0 * live / acknowledged:F1}%), " +
            $"{failures.Count} failed attempts (all retried), {notRetriable.Count} not retriable; longest wait of a chat {longest.TotalSeconds:F1}s");
        foreach (var kind in failures.Select(f => f.Error!).GroupBy(e => e[..Math.Min(90, e.Length)]).OrderByDescending(g => g.Count()).Take(6))
        {
            output.WriteLine($"  {kind.Count()} x {kind.Key}");
        }

        Assert.True(notRetriable.Count == 0, string.Join("; ", notRetriable.Select(f => f.Error).Distinct().Take(5)));
        await ClusterChecks.AssertNothingAcknowledgedLostOrDoubledAsync(admin, visitors);
        Assert.True(acknowledged >= visitorCount * 10, $"Only {acknowledged} messages were acknowledged.");
        foreach (var client in agents.Concat<IAsyncDisposable>(visitors))
        {
            await client.DisposeAsync();
        }
    }

    private static async Task KeepConnectedAsync(IReadOnlyList<FailoverClient> agents, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var agent in agents)
            {
                try
                {
                    await agent.ConnectionAsync();
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    // every web node briefly unreachable: the next round tries again
                }
            }

            await Task.Delay(500, CancellationToken.None);
        }
    }
}
