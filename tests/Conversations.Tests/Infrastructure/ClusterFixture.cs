namespace Conversations.Tests.Infrastructure;

/// <summary>The shared cluster for tests that do not stop silos; tests use fresh grain keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private ConversationsCluster? _cluster;

    public ConversationsCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync() => _cluster = await ConversationsCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
