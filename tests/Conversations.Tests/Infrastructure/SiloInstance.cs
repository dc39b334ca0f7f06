using Conversations.Grains.Interfaces.Configuration;
using Conversations.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Conversations.Tests.Infrastructure;

/// <summary>One silo, composed by the Silo project's own <c>AddConversationsSilo</c>, hosted in the test process.</summary>
public sealed class SiloInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SiloInstance(WebApplication app, int siloPort, int gatewayPort)
    {
        _app = app;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SiloInstance> StartAsync(
        ConversationsSettings settings, int siloPort, int gatewayPort, Dictionary<string, string?>? extraSettings = null, ILoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateBuilder();
        var values = new Dictionary<string, string?>(extraSettings ?? [])
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Conversations:Silo:SiloPort"] = siloPort.ToString(),
            ["Conversations:Silo:GatewayPort"] = gatewayPort.ToString(),
        };
        builder.Configuration.AddInMemoryCollection(TestSettings.For(settings, values));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.AddConversationsSilo();
        var app = builder.Build();
        app.MapConversationsSiloEndpoints();
        await app.StartAsync();
        return new SiloInstance(app, siloPort, gatewayPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
