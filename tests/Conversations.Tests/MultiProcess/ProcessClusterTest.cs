namespace Conversations.Tests.MultiProcess;

/// <summary>A test class with a cluster of real processes of its own, started before its test and stopped after it.</summary>
public abstract class ProcessClusterTest : IAsyncLifetime
{
    private ProcessCluster? _cluster;

    protected ProcessCluster Cluster => _cluster!;

    /// <summary>Starts this class's cluster (<see cref="ProcessCluster.StartAsync"/> with the silos, web nodes and settings it needs).</summary>
    protected abstract Task<ProcessCluster> StartClusterAsync();

    public async Task InitializeAsync() => _cluster = await StartClusterAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
