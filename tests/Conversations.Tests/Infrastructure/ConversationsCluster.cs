using Conversations.Grains.Interfaces.Configuration;
using Conversations.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversations.Tests.Infrastructure;

/// <summary>
/// An in-process cluster of real silos (the Silo project's composition: Azure Table clustering, grain
/// storage, reminders and pub-sub on a real Azurite) plus a client. Each instance has its own cluster id and service id.
/// </summary>
public sealed class ConversationsCluster : IAsyncDisposable
{
    private readonly List<SiloInstance> _silos;
    private readonly IHost _clientHost;
    private readonly Dictionary<string, string?>? _extraSettings;
    private readonly ILoggerProvider? _logs;

    private ConversationsCluster(
        ConversationsSettings settings, List<SiloInstance> silos, IHost clientHost, Dictionary<string, string?>? extraSettings, ILoggerProvider? logs)
    {
        _logs = logs;
        Settings = settings;
        _extraSettings = extraSettings;
        _silos = silos;
        _clientHost = clientHost;
    }

    public ConversationsSettings Settings { get; }

    public IClusterClient Client => _clientHost.Services.GetRequiredService<IClusterClient>();

    public IReadOnlyList<SiloInstance> Silos => _silos;

    /// <param name="extraSettings">More silo configuration keys, such as <c>Conversations:Email:*</c>.</param>
    /// <param name="azurite">The storage to use: a test that stops storage brings its own; others share one.</param>
    /// <param name="logs">Also receives what the silos log (for tests that assert on it).</param>
    public static async Task<ConversationsCluster> StartAsync(
        int silos = 1, StreamProviderKind streams = StreamProviderKind.Memory, Dictionary<string, string?>? extraSettings = null,
        AzuriteProcess? azurite = null, ILoggerProvider? logs = null)
    {
        azurite ??= await SharedAzurite.GetAsync();

        // A service id of its own too: grain state, stream pub-sub and reminders are stored per service id, so clusters
        // sharing an Azurite never read each other's rows, not even those of grains with fixed keys (the access stream's).
        var id = Guid.NewGuid().ToString("N")[..12];
        var settings = new ConversationsSettings
        {
            StorageConnectionString = azurite.ConnectionString,
            ClusterId = "test-" + id,
            ServiceId = "tests-" + id,
            Streams = streams,
        };

        var started = new List<SiloInstance>();
        for (var i = 0; i < silos; i++)
        {
            started.Add(await SiloInstance.StartAsync(settings, AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), extraSettings, logs));
        }

        var clientBuilder = Host.CreateApplicationBuilder();
        clientBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
        clientBuilder.UseOrleansClient(client => client.UseConversationsCluster(settings));
        var clientHost = clientBuilder.Build();
        await clientHost.StartAsync();
        return new ConversationsCluster(settings, started, clientHost, extraSettings, logs);
    }

    /// <summary>Stops silo <paramref name="index"/> and starts a fresh one on the same ports (its grains reload from storage).</summary>
    public async Task RestartSiloAsync(int index)
    {
        var old = _silos[index];
        await old.DisposeAsync();
        _silos[index] = await SiloInstance.StartAsync(Settings, old.SiloPort, old.GatewayPort, _extraSettings, _logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _clientHost.StopAsync();
        _clientHost.Dispose();
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}
