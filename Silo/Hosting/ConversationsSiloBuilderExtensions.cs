using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Configuration;
using Conversations.Grains.Realtime;
using Conversations.Hosting;
using Conversations.Infrastructure;
using Orleans.Configuration;

namespace Conversations.Silo.Hosting;

/// <summary>The grain side of the product on Azure Storage: one call that both the silo and the test cluster use.</summary>
public static class ConversationsSiloBuilderExtensions
{
    public static ISiloBuilder AddConversationsGrains(this ISiloBuilder silo, ConversationsSettings settings)
    {
        // A cleared state (a deleted department, a purged ticket's outbox, a stream nobody uses) leaves no row behind (BIN-2).
        silo.AddAzureTableGrainStorage(ConversationsNames.GrainStorage, o =>
        {
            o.TableServiceClient = StorageClients.Tables(settings);
            o.DeleteStateOnClear = true;
        });
        silo.AddAzureTableGrainStorage(ConversationsNames.PubSubStore, o =>
        {
            o.TableServiceClient = StorageClients.Tables(settings);
            o.DeleteStateOnClear = true;
        });
        silo.UseAzureTableReminderService(o => o.TableServiceClient = StorageClients.Tables(settings));
        silo.AddConversationsStreams(settings);

        silo.Services.AddConversationsInfrastructure(settings);
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<PropertyEventBatches>();
        silo.Services.AddSingleton(settings.Merge);
        silo.AddConversationsEmail(settings);
        return silo;
    }

    /// <summary>Outbound mail through the outbox (TIC-1, TIC-2, TIC-6); its sender and the inbound listener are infrastructure.</summary>
    private static void AddConversationsEmail(this ISiloBuilder silo, ConversationsSettings settings)
    {
        var email = settings.Email;
        silo.Services.AddSingleton(email);
        silo.Services.AddSingleton<TicketEmailToken>();
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(o.MinimumReminderPeriod.Ticks, email.ReminderPeriod.Ticks)));
    }

    public static ISiloBuilder UseConversationsClustering(this ISiloBuilder silo, ConversationsSettings settings) =>
        silo.UseAzureStorageClustering(o => o.TableServiceClient = StorageClients.MembershipTables(settings));

    private static void AddConversationsStreams(this ISiloBuilder silo, ConversationsSettings settings)
    {
        if (settings.Streams == StreamProviderKind.AzureQueue)
        {
            silo.AddAzureQueueStreams(ConversationsNames.StreamProvider, options => options.Configure(q => StorageClients.ConfigureStreamQueues(q, settings)));
        }
        else
        {
            // A pulling agent polls its queue every 100 ms by default, which added ~50 ms on average to every live event;
            // the default 8 queues polled every 10 ms still added 5 ms. Two queues polled every 5 ms add 2.5 ms for about
            // the same idle cost (an idle silo: 8.5 % of a core before, 9 % now; polling every 2-4 ms cost 12-13 %).
            silo.AddMemoryStreams(ConversationsNames.StreamProvider, stream =>
            {
                stream.ConfigurePartitioning(ConversationsNames.MemoryStreamQueues);
                stream.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(5)));
            });
        }
    }
}
