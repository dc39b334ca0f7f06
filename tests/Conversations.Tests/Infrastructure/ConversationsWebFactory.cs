using Conversations.Grains.Interfaces.Configuration;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conversations.Tests.Infrastructure;

/// <summary>The Web project on a real Kestrel port, as an Orleans client of a test cluster.</summary>
public sealed class ConversationsWebFactory(
    ConversationsSettings settings, Dictionary<string, string?>? extraSettings = null, ILoggerProvider? logs = null) : WebApplicationFactory<AgentHub>
{
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First());
        }
    }

    /// <param name="logs">Also receives what the web node logs (for tests that assert on it).</param>
    public static ConversationsWebFactory Start(
        ConversationsSettings settings, Dictionary<string, string?>? extraSettings = null, ILoggerProvider? logs = null)
    {
        var factory = new ConversationsWebFactory(settings, extraSettings, logs);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestSettings.For(settings, extraSettings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
    }
}
