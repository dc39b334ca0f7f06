namespace Conversations.Tests.Infrastructure;

/// <summary>
/// A cluster on an Azurite of its own, so that a test can stop storage (and start it again) without
/// touching other tests. Tests of one class run one after another, so one outage at a time.
/// </summary>
public sealed class OutageCluster : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private ConversationsCluster? _cluster;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public ConversationsCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _cluster = await ConversationsCluster.StartAsync(azurite: _azurite);
    }

    /// <summary>Stops storage (connections are refused), runs <paramref name="duringOutage"/>, then starts storage again.</summary>
    public async Task WithStorageStoppedAsync(Func<Task> duringOutage)
    {
        await Azurite.StopAsync();
        try
        {
            await duringOutage();
        }
        finally
        {
            await Azurite.RestartAsync();
        }
    }

    /// <summary>The first answer of <paramref name="read"/> once storage answers again (its first calls may meet closed connections).</summary>
    public static async Task<T> ReadAgainAsync<T>(Func<Task<T>> read)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await read();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_cluster is not null)
            {
                await _cluster.DisposeAsync();
            }
        }
        finally
        {
            // Also when the silos fail to stop: this Azurite is the test's own, and nothing else would end it.
            if (_azurite is not null)
            {
                await _azurite.DisposeAsync();
            }
        }
    }
}
