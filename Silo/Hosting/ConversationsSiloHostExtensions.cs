using Conversations.Grains.Interfaces.Configuration;
using Conversations.Hosting;
using Conversations.Hosting.Settings;
using Conversations.Infrastructure.Messages;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Conversations.Silo.Hosting;

public static class ConversationsSiloHostExtensions
{
    /// <summary>How long a grain call may take before the caller gets a timeout and retries (default 30 s).</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

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
                // A killed silo is declared dead after about two missed 3 s probes instead of the default ~30 s,
                // so calls to its grains fail over sooner.
                o.ProbeTimeout = TimeSpan.FromSeconds(3);
                o.NumMissedProbesLimit = 2;
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = CallTimeout);
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
