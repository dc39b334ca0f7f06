using System.Net;
using Conversations.Grains.Interfaces.Configuration;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Conversations.Silo.Hosting;

public static class ConversationsSiloHostExtensions
{
    /// <summary>Reads and validates <c>Conversations:*</c>, then hosts a silo with storage, streams, reminders and the dashboard.</summary>
    public static WebApplicationBuilder AddConversationsSilo(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.LoadConversationsSettings();
        var endpoint = builder.Configuration.GetSection(SiloEndpointSettings.SectionName).Get<SiloEndpointSettings>() ?? new();

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            var address = string.IsNullOrWhiteSpace(endpoint.AdvertisedAddress)
                ? IPAddress.Loopback
                : IPAddress.Parse(endpoint.AdvertisedAddress);
            silo.ConfigureEndpoints(address, endpoint.SiloPort, endpoint.GatewayPort, listenOnAnyHostAddress: true);
            silo.UseConversationsClustering(settings);
            silo.AddConversationsGrains(settings);
            silo.AddDashboard();
        });
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
        return builder;
    }

    public static WebApplication MapConversationsSiloEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapOrleansDashboard("/dashboard");
        app.MapGet("/", () => TypedResults.Redirect("/dashboard"));
        return app;
    }

    /// <summary>Binds <c>Conversations:*</c> and fails with every problem listed when it is not usable.</summary>
    public static ConversationsSettings LoadConversationsSettings(this IConfiguration configuration)
    {
        var settings = configuration.GetSection(ConversationsSettings.SectionName).Get<ConversationsSettings>() ?? new();
        var problems = settings.Problems();
        return problems.Count == 0
            ? settings
            : throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", problems));
    }
}
