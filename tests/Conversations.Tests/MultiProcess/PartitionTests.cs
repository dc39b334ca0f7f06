using Azure.Data.Tables;
using Conversations.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// X-1 and OPS-1 under network faults between silos, on one machine: 3 silos in network namespaces of their own joined by
/// veth links (<see cref="SiloNetwork"/>). First the links between silos lose packets and are rate limited; then one silo is
/// cut off from the other two for 20 s (it still reaches storage and the web node, the classic split). Afterwards nothing
/// acknowledged is lost or doubled, no chat has two diverging histories, the cut silo was declared dead (and a restart
/// rejoins) or rejoined by itself, and every chat is served again. Skipped, with the reason, where namespaces cannot be made.
/// Size: PARTITION_VISITORS (default 30), PARTITION_CUT_SECONDS (20).
/// </summary>
[Trait("Category", "MultiProcess"), Collection(MultiProcessCollection.Name)]
public sealed class PartitionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Silos = 3;
    private const int CutSilo = 2;

    private SiloNetwork? _network;
    private ProcessCluster? _cluster;

    private ProcessCluster Cluster => _cluster!;

    private SiloNetwork Network => _network!;

    public async Task InitializeAsync()
    {
        if (SiloNetwork.Unavailable() is not null)
        {
            return;
        }

        _network = await SiloNetwork.CreateAsync(Silos);
        _cluster = await ProcessCluster.StartAsync(silos: Silos, webs: 1, network: _network);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }

    [NetworkNamespacesFact, Trait("Spec", "X-1"), Trait("Spec", "OPS-1")]
    public async Task X1_loss_and_a_20_s_cut_between_silos_lose_or_double_nothing_and_the_cut_silo_is_declared_dead_or_rejoins()
    {
        var visitorCount = SiloKillTests.SizeFrom("PARTITION_VISITORS", 30);
        var cutFor = TimeSpan.FromSeconds(SiloKillTests.SizeFrom("PARTITION_CUT_SECONDS", 20));
        using var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[0]);
        var consoles = new List<ConsoleMirror>();
        for (var i = 0; i < 2; i++)
        {
            consoles.Add(await ConsoleMirror.ConnectNewAgentAsync(Cluster, admin, i, $"Partition agent {i}"));
        }

        var visitors = await Task.WhenAll(Enumerable.Range(0, visitorCount).Select(Cluster.ConnectVisitorAsync));
        using var stop = new CancellationTokenSource();
        var started = DateTimeOffset.UtcNow;
        var sending = visitors.Select(v => v.SendSteadilyAsync(stop.Token)).ToList();
        var reconnecting = consoles.Select(c => c.KeepConnectedAsync(stop.Token)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(5));

        // Lossy, slow links between every pair of silos.
        var degradedAt = DateTimeOffset.UtcNow;
        await Network.DegradeAsync(lossPercent: 5, kilobytesPerSecond: 512);
        output.WriteLine($"{Since(started)} 5 % loss and 512 kB/s between silos");
        await Task.Delay(TimeSpan.FromSeconds(20));
        await Network.RestoreAsync();
        var restoredAt = DateTimeOffset.UtcNow;
        output.WriteLine($"{Since(started)} links restored");
        await Task.Delay(TimeSpan.FromSeconds(5));

        // One silo cut off from the two others (not from storage or the web node).
        var generation = await ActiveGenerationAsync(CutSilo);
        var cutAt = DateTimeOffset.UtcNow;
        await Network.CutAsync(CutSilo);
        output.WriteLine($"{Since(started)} silo-{CutSilo} cut off from the other silos");
        await Task.Delay(cutFor);
        await Network.HealAsync(CutSilo);
        var healedAt = DateTimeOffset.UtcNow;
        var status = await StatusAsync(CutSilo, generation);
        output.WriteLine($"{Since(started)} healed; silo-{CutSilo} (generation {generation}) is {status} in the membership table, its process {(Cluster.IsRunning($"silo-{CutSilo}") ? "runs" : "has exited")}");

        var declaredDead = status == "Dead";
        if (declaredDead)
        {
            // A silo declared dead never comes back under its generation: it stops, and a new process joins as a new silo.
            await WaitUntilAsync(() => !Cluster.IsRunning($"silo-{CutSilo}"), TimeSpan.FromSeconds(30), $"silo-{CutSilo} was declared dead but kept running.");
            await Cluster.StartSiloAsync(CutSilo);
            output.WriteLine($"{Since(started)} silo-{CutSilo} restarted and healthy");
        }

        await WaitUntilAsync(async () => await ActiveGenerationAsync(CutSilo) is not null, TimeSpan.FromSeconds(60), $"silo-{CutSilo} is not active again.");
        await Task.Delay(TimeSpan.FromSeconds(8));
        var endedAt = DateTimeOffset.UtcNow;
        await stop.CancelAsync();
        await Task.WhenAll(sending);
        await Task.WhenAll(reconnecting);

        var acknowledged = visitors.Sum(v => v.Acknowledged.Count);
        var duringLoss = visitors.Select(v => v.LongestWaitBetween(degradedAt, restoredAt)).ToList();
        var duringCut = visitors.Select(v => v.LongestWaitBetween(cutAt, healedAt.AddSeconds(5))).ToList();
        output.WriteLine($"{visitorCount} visitors: {acknowledged} acknowledged; each chat's longest wait with lossy links {ClusterChecks.Describe(duringLoss)}; " +
            $"around the cut {ClusterChecks.Describe(duringCut)}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        Assert.True(declaredDead || status == "Active", $"silo-{CutSilo} is {status}: neither declared dead nor active.");
        Assert.All(visitors, v => Assert.Contains(v.Acknowledged.Values, ack => ack.At > endedAt.AddSeconds(-5))); // service resumed for every chat
        var stored = await ClusterChecks.AssertNothingAcknowledgedLostOrDoubledAsync(admin, visitors);
        ClusterChecks.AssertNoDivergingHistory(stored, consoles);
        await ClusterChecks.AssertInboxRowsEqualTheirChatsAsync(admin, [.. visitors.Select(v => v.ChatId)], output);
        await ClusterChecks.AssertConsolesEqualServerAsync(consoles, stored, output);

        foreach (var client in consoles.Concat<IAsyncDisposable>(visitors))
        {
            await client.DisposeAsync();
        }
    }

    private static string Since(DateTimeOffset started) => $"{(DateTimeOffset.UtcNow - started).TotalSeconds:F1}s";

    /// <summary>The generation of the silo at <paramref name="silo"/>'s address that the membership table lists as Active, if any.</summary>
    private async Task<string?> ActiveGenerationAsync(int silo)
    {
        await foreach (var row in MembershipRowsAsync(silo))
        {
            if (row.GetString("Status") == "Active")
            {
                return row.GetString("Generation");
            }
        }

        return null;
    }

    private async Task<string> StatusAsync(int silo, string? generation)
    {
        await foreach (var row in MembershipRowsAsync(silo))
        {
            if (row.GetString("Generation") == generation)
            {
                return row.GetString("Status") ?? "unknown";
            }
        }

        return "missing";
    }

    private IAsyncEnumerable<TableEntity> MembershipRowsAsync(int silo) =>
        new TableClient(Cluster.Azurite.ConnectionString, "OrleansSiloInstances")
            .QueryAsync<TableEntity>(filter: $"Address eq '{Network.Address(silo)}'");

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, failure);
            await Task.Delay(500);
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string failure) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, failure);
}
