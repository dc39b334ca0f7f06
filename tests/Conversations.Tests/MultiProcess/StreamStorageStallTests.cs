using Conversations.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// OPS-1/X-1: the streams' queue storage hangs (its own Azurite process frozen with SIGSTOP: connections accepted, nothing
/// answered) while visitors keep writing. Their messages are committed by their rows in table storage, which still answers,
/// so every chat keeps acknowledging them at its usual pace: publishing the events waits beside the chat, not in front of
/// it. Once the queues answer again, every event published late reaches the console, in order, and nothing is lost or doubled.
/// </summary>
[Trait("Category", "MultiProcess"), Collection(MultiProcessCollection.Name)]
public sealed class StreamStorageStallTests(ITestOutputHelper output) : ProcessClusterTest
{
    private const int VisitorCount = 6;
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(15);

    protected override Task<ProcessCluster> StartClusterAsync() => ProcessCluster.StartAsync(silos: 1, webs: 1, ownQueueStorage: true);

    [Fact, Trait("Spec", "OPS-1"), Trait("Spec", "X-1")]
    public async Task OPS1_chats_keep_acknowledging_while_the_stream_queues_hang_and_consoles_get_every_event_after()
    {
        using var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[0]);
        var console = await ConsoleMirror.ConnectNewAgentAsync(Cluster, admin, 0, "Stall agent");
        var visitors = await Task.WhenAll(Enumerable.Range(0, VisitorCount).Select(i => Cluster.ConnectVisitorAsync(i, TimeSpan.FromMilliseconds(500))));
        using var stop = new CancellationTokenSource();
        var sending = visitors.Select(v => v.SendSteadilyAsync(stop.Token)).ToList();
        var reconnecting = console.KeepConnectedAsync(stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var frozenAt = DateTimeOffset.UtcNow;
        await Cluster.QueueStorage!.FreezeAsync();
        try
        {
            await Task.Delay(Stall);
        }
        finally
        {
            await Cluster.QueueStorage.ThawAsync();
        }

        var thawedAt = DateTimeOffset.UtcNow;
        var longestWait = visitors.Select(v => v.LongestWaitBetween(frozenAt, thawedAt)).Max();
        var acknowledgedWhileFrozen = visitors.Sum(v => v.Acknowledged.Values.Count(a => a.At > frozenAt && a.At < thawedAt));
        output.WriteLine($"queues frozen for {Stall.TotalSeconds:F0} s: {acknowledgedWhileFrozen} messages acknowledged meanwhile; longest wait of a chat {longestWait.TotalSeconds:F1} s; " +
            ClusterChecks.DescribeFailures(visitors, frozenAt, thawedAt));

        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await Task.WhenAll(sending);
        await reconnecting;

        // Each visitor sends every 0.5 s once acknowledged: a chat held up behind its own events' publishing (8 s per try
        // of a hung queue) waits many seconds, a chat that is not waits as long as a table write takes.
        Assert.True(longestWait < TimeSpan.FromSeconds(4), $"A chat acknowledged nothing for {longestWait.TotalSeconds:F1} s while only the stream queues hung.");
        Assert.True(acknowledgedWhileFrozen >= VisitorCount * 10, $"Only {acknowledgedWhileFrozen} messages were acknowledged in {Stall.TotalSeconds:F0} s of hung stream queues.");

        var stored = await ClusterChecks.AssertNothingAcknowledgedLostOrDoubledAsync(admin, visitors);
        ClusterChecks.AssertNoDivergingHistory(stored, [console]);
        await ClusterChecks.AssertConsolesEqualServerAsync([console], stored, output);
        var frozenMessages = visitors.SelectMany(v => v.Acknowledged.Values.Where(a => a.At > frozenAt && a.At < thawedAt).Select(a => (v.ChatId, a.Sequence))).ToList();
        output.WriteLine($"{frozenMessages.Count(console.LiveSequences.ContainsKey)} of {frozenMessages.Count} messages acknowledged while frozen reached the console live (published late); {console.Resyncs} resyncs");

        foreach (var client in visitors.Append<IAsyncDisposable>(console))
        {
            await client.DisposeAsync();
        }
    }
}
