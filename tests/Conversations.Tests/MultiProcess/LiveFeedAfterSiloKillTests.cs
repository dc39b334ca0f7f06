using Conversations.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// OPS-1/OPS-4, the elastic chaos test's last step made small: under a light load, a silo is killed with kill -9 while the
/// web node holding the consoles stops gracefully, so the consoles move to the other node and join its feed while the
/// cluster is still losing the silo; then the same with the other silo and node. After each step, only that node's live
/// feed (or its "resync" when the feed had a gap) keeps the consoles current: at the end every console equals the server.
/// </summary>
[Trait("Category", "MultiProcess"), Collection(MultiProcessCollection.Name)]
public sealed class LiveFeedAfterSiloKillTests(ITestOutputHelper output) : ProcessClusterTest
{
    private const int VisitorCount = 12;

    protected override Task<ProcessCluster> StartClusterAsync() => ProcessCluster.StartAsync(silos: 2, webs: 2);

    [Fact, Trait("Spec", "OPS-1"), Trait("Spec", "OPS-4"), Trait("Spec", "X-1")]
    public async Task OPS1_consoles_stay_current_when_a_silo_is_killed_as_their_web_node_stops()
    {
        using var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[0]);
        var consoles = new List<ConsoleMirror>();
        for (var i = 0; i < 2; i++)
        {
            consoles.Add(await ConsoleMirror.ConnectNewAgentAsync(Cluster, admin, 1, $"Feed agent {i}")); // on web-1
        }

        var visitors = await Task.WhenAll(Enumerable.Range(0, VisitorCount).Select(i => Cluster.ConnectVisitorAsync(i, TimeSpan.FromMilliseconds(500))));
        using var stop = new CancellationTokenSource();
        var started = DateTimeOffset.UtcNow;
        var sending = visitors.Select(v => v.SendSteadilyAsync(stop.Token)).ToList();
        var reconnecting = consoles.Select(c => c.KeepConnectedAsync(stop.Token)).ToList();

        var kills = new List<DateTimeOffset>();
        var whole = started;
        foreach (var (silo, web) in new[] { (1, 1), (0, 0) })
        {
            await Task.Delay(TimeSpan.FromSeconds(4));
            var killedAt = DateTimeOffset.UtcNow;
            kills.Add(killedAt);
            Cluster.Node($"silo-{silo}").Kill();
            await Cluster.Node($"web-{web}").StopAsync(TimeSpan.FromSeconds(30));
            output.WriteLine($"{(killedAt - started).TotalSeconds:F1}s kill -9 silo-{silo}, web-{web} stopped; load average {LoadAverage()}");
            await WaitUntilEveryChatIsServedAfterAsync(visitors, killedAt, TimeSpan.FromSeconds(60));
            output.WriteLine($"{(DateTimeOffset.UtcNow - started).TotalSeconds:F1}s every chat acknowledged a message again; longest wait {ClusterChecks.Describe([.. visitors.Select(v => v.LongestWaitBetween(killedAt, DateTimeOffset.UtcNow))])}; {ClusterChecks.DescribeFailures(visitors, killedAt.AddSeconds(-6), DateTimeOffset.UtcNow)}");
            await Task.WhenAll(Cluster.StartSiloAsync(silo), Cluster.StartWebAsync(web));
            whole = DateTimeOffset.UtcNow;
            output.WriteLine($"{(whole - started).TotalSeconds:F1}s silo-{silo} and web-{web} started again");
        }

        await Task.Delay(TimeSpan.FromSeconds(4));
        await stop.CancelAsync();
        await Task.WhenAll(sending);
        await Task.WhenAll(reconnecting);
        var stoppedAt = DateTimeOffset.UtcNow;

        var stored = await ClusterChecks.AssertNothingAcknowledgedLostOrDoubledAsync(admin, visitors);
        var lastSeconds = visitors.SelectMany(v => v.Acknowledged.Where(a => a.Value.At > whole).Select(a => (v.ChatId, a.Value.Sequence))).ToList();
        output.WriteLine($"acknowledged after the cluster was whole again: {lastSeconds.Count}, seen live by every console: {lastSeconds.Count(m => consoles.All(c => c.LiveSequences.ContainsKey(m)))}");
        var afterKill = visitors.SelectMany(v => v.Acknowledged.Where(a => a.Value.At > kills[0]).Select(a => (v.ChatId, a.Value.Sequence))).ToList();
        for (var i = 0; i < consoles.Count; i++)
        {
            output.WriteLine($"console {i}: {afterKill.Count(m => consoles[i].LiveSequences.ContainsKey(m))} of {afterKill.Count} messages acknowledged after the first kill seen live; {consoles[i].Joins - 1} reconnects, {consoles[i].Resyncs} resyncs");
        }

        ClusterChecks.AssertNoDivergingHistory(stored, consoles);
        await ClusterChecks.AssertConsolesEqualServerAsync(consoles, stored, output);
        output.WriteLine($"consoles current {(DateTimeOffset.UtcNow - stoppedAt).TotalSeconds:F1} s after the load stopped");

        foreach (var client in consoles.Concat<IAsyncDisposable>(visitors))
        {
            await client.DisposeAsync();
        }
    }

    private static async Task WaitUntilEveryChatIsServedAfterAsync(IReadOnlyList<KillTestVisitor> visitors, DateTimeOffset after, TimeSpan limit)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        while (visitors.Any(v => !v.Acknowledged.Values.Any(a => a.At > after.AddSeconds(1))))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"A chat acknowledged nothing within {limit.TotalSeconds:F0} s of a silo kill.");
            await Task.Delay(250);
        }
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
