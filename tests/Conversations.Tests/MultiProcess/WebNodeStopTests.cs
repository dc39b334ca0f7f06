using System.Diagnostics;
using Conversations.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// OPS-4: a web node asked to stop (SIGTERM) while widgets and consoles hold WebSockets on it exits within seconds, not
/// after the 30 s shutdown timeout: it aborts its hub connections at once, and their clients reconnect to the other node.
/// </summary>
[Trait("Category", "MultiProcess"), Collection(MultiProcessCollection.Name)]
public sealed class WebNodeStopTests(ITestOutputHelper output) : ProcessClusterTest
{
    protected override Task<ProcessCluster> StartClusterAsync() => ProcessCluster.StartAsync(silos: 1, webs: 2);

    [Fact, Trait("Spec", "OPS-4"), Trait("Spec", "OPS-1")]
    public async Task OPS4_a_web_node_with_open_widget_and_console_connections_stops_within_5_s_and_its_clients_reconnect_elsewhere()
    {
        using var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[1]);
        var consoles = new List<ConsoleMirror>();
        for (var i = 0; i < 2; i++)
        {
            consoles.Add(await ConsoleMirror.ConnectNewAgentAsync(Cluster, admin, 2 * i, $"Stop test agent {i}"));
        }

        // Every client starts on web-0 (even indexes), the node that is stopped.
        var visitors = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Cluster.ConnectVisitorAsync(2 * i)));
        Assert.All(visitors.Select(v => v.Client.CurrentNode).Concat(consoles.Select(c => c.Client.CurrentNode)), node => Assert.Equal(Cluster.WebNodes[0], node));

        using var stop = new CancellationTokenSource();
        var sending = visitors.Select(v => v.SendSteadilyAsync(stop.Token)).ToList();
        var reconnecting = consoles.Select(c => c.KeepConnectedAsync(stop.Token)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3));

        var stopping = Stopwatch.StartNew();
        var exitedByItself = await Cluster.Node("web-0").StopAsync(TimeSpan.FromSeconds(40));
        var took = stopping.Elapsed;
        var stoppedAt = DateTimeOffset.UtcNow;
        output.WriteLine($"web-0 exited {took.TotalSeconds:F1} s after SIGTERM{(exitedByItself ? "" : " (killed after 40 s)")}");

        await Task.Delay(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await Task.WhenAll(sending);
        await Task.WhenAll(reconnecting);

        Assert.True(exitedByItself && took <= TimeSpan.FromSeconds(5), $"web-0 took {took.TotalSeconds:F1} s to stop (at most 5 s).");
        // The clients moved to web-1 and were served there.
        Assert.All(visitors, v => Assert.Equal(Cluster.WebNodes[1], v.Client.CurrentNode));
        Assert.All(visitors, v => Assert.Contains(v.Acknowledged.Values, ack => ack.At > stoppedAt));
        Assert.All(consoles, c => Assert.Equal(Cluster.WebNodes[1], c.Client.CurrentNode));
        var stored = await ClusterChecks.AssertNothingAcknowledgedLostOrDoubledAsync(admin, visitors);
        await ClusterChecks.AssertConsolesEqualServerAsync(consoles, stored, output);

        foreach (var client in consoles.Concat<IAsyncDisposable>(visitors))
        {
            await client.DisposeAsync();
        }
    }
}
