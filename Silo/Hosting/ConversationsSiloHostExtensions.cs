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
            // The directory that never lets a grain have two activations, also while silos join and leave (Orleans' own
            // ChaoticCluster sample uses it): with the default, eventually consistent one, a chat could live on two silos for a
            // minute after a silo joined, and each conflict on its state cost its visitor a 6 s wait (bench/results/chaos.md).
#pragma warning disable ORLEANSEXP003 // experimental in Orleans 10
            silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
            // After a kill -9 that directory holds the dead silo's grains for a safety lease (in case it still runs them):
            // every chat of that silo waited 28 s. Two activations are safe here anyway (a conversation commits by inserting
            // its next row and saves its state with an ETag, so a second writer fails), so the lease is off.
            silo.Configure<GrainDirectoryOptions>(o => o.RangeLeaseDuration = TimeSpan.Zero);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                // A killed silo is declared dead after two missed probes instead of the default three, so calls to its grains
                // fail over sooner (OPS-4); the other silos learn it by gossip, the table is re-read every 10 s anyway.
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.NumMissedProbesLimit = 2;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(10);
                // Orleans adapts each probe's period and timeout to the observed response times and stretches them while the
                // prober itself looks degraded, up to 4 x ProbeTimeout by default: on a busy machine, and on a silo whose only
                // peer just died (it stops getting probe answers, which it counts against its own health), probes came every
                // 8 s, so two misses took up to 16 s. Probes of a killed silo fail at once (connection refused); capping the
                // period keeps its detection within ~2 x 3 s. A live silo whose connection still carries messages is not voted
                // dead for slow probes (EnableConnectionLivenessCheck, on by default).
                o.MaxProbeTimeout = TimeSpan.FromSeconds(3);
            });
            // Operators can change any of these (Conversations:Membership:<ClusterMembershipOptions property>).
            builder.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Conversations:Membership"));
            silo.Configure<SiloMessagingOptions>(o =>
            {
                o.ResponseTimeout = GrainCallTimeouts.Default;
                // A web node killed with kill -9 leaves its stream subscriptions in the pub-sub; until its gateway drops it
                // (1 min by default) deliveries to it wait out the response timeout, and their cursors pin the stream queue's
                // cache: once it is full the queue is no longer read, so every web node's feed of that queue stalls (at 15 s the
                // consoles still lagged 40 s behind, bench/results/chaos.md). Dropped, it is refused at once and the agents
                // remove its subscriptions. A live web node dropped after a longer cut repairs its subscriptions (LiveFeedRepair).
                o.ClientDropTimeout = TimeSpan.FromSeconds(5);
            });
            silo.AddConversationsGrains(settings);
            // Every sample observes Orleans' gauges, and counting activations and the directory cache walks them:
            // at the default 1 s that was a sixth of an idle silo's CPU with 5,000 chats active (bench/results/load-notes.md).
            silo.AddDashboard(dashboard => dashboard.CounterUpdateIntervalMs = 10_000);
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
