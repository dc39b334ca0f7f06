using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Configuration;
using Conversations.Hosting;
using Conversations.Hosting.Settings;
using Conversations.Infrastructure.Messages;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Conversations.Silo.Hosting;

public static class ConversationsSiloHostExtensions
{
    /// <summary>Reads and validates <c>Conversations:*</c>, then hosts a silo with storage, streams, reminders and the dashboard.</summary>
    public static WebApplicationBuilder AddConversationsSilo(this WebApplicationBuilder builder)
    {
        var settings = builder.Services.AddConversationsSettings(builder.Configuration);
        var endpoint = builder.Services.AddValidatedSettings<SiloEndpointSettings>(builder.Configuration, SiloEndpointSettings.SectionName);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.ConfigureEndpoints(endpoint.ResolveAdvertisedAddress(), endpoint.SiloPort, endpoint.GatewayPort, listenOnAnyHostAddress: true);
            silo.UseConversationsClustering(settings);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                // A killed silo is declared dead after two missed 2 s probes (4-6 s) instead of the default ~15 s, so calls
                // to its grains fail over sooner; the other silos learn it by gossip, the table is re-read every 10 s anyway.
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.NumMissedProbesLimit = 2;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(10);
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = GrainCallTimeouts.Default);
            silo.AddConversationsGrains(settings);
            silo.AddDashboard();
        });
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
        builder.AddConversationsTelemetry("conversations-silo");
        return builder;
    }

    public static WebApplication MapConversationsSiloEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapOrleansDashboard("/dashboard");
        app.MapGet("/diagnostics/message-log", (MessageLogMeter meter) => meter.Totals);
        app.MapGet("/", () => TypedResults.Redirect("/dashboard"));
        return app;
    }
}
