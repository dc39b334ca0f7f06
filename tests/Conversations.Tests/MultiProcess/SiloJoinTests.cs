using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// OPS-1, adding a silo while storage hangs: Azurite is frozen (SIGSTOP: connections accepted, nothing answered) as a silo
/// starts, for longer than two tries of a request's bounded storage call. The silo waits for its first membership read
/// and joins once storage answers, instead of exiting at start as it did in a 10-minute chaos run (bench/results/chaos.md).
/// </summary>
[Trait("Category", "MultiProcess"), Collection(MultiProcessCollection.Name)]
public sealed class SiloJoinTests(ITestOutputHelper output) : ProcessClusterTest
{
    private static readonly TimeSpan Frozen = TimeSpan.FromSeconds(12);

    protected override Task<ProcessCluster> StartClusterAsync() => ProcessCluster.StartAsync(silos: 1, webs: 1, siloSlots: 2);

    [Fact, Trait("Spec", "OPS-1")]
    public async Task OPS1_a_silo_added_while_storage_hangs_joins_once_storage_answers()
    {
        await Cluster.Azurite.FreezeAsync();
        var started = DateTimeOffset.UtcNow;
        var joining = Cluster.StartSiloAsync(1);
        try
        {
            await Task.Delay(Frozen);
        }
        finally
        {
            await Cluster.Azurite.ThawAsync();
        }

        await joining;
        output.WriteLine($"silo-1 healthy {(DateTimeOffset.UtcNow - started).TotalSeconds:F1} s after it started, storage frozen for the first {Frozen.TotalSeconds:F0} s");

        // It serves: a visitor's chat works through the cluster of two.
        await using var visitor = await Cluster.ConnectVisitorAsync(0);
        Assert.True(Cluster.IsRunning("silo-1"), "silo-1 exited after joining.");
    }
}
