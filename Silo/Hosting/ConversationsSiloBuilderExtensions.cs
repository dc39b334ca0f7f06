using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Configuration;
using Conversations.Grains.Inbox;
using Conversations.Grains.Messages;
using Conversations.Hosting;

namespace Conversations.Silo.Hosting;

/// <summary>The grain side of the product on Azure Storage: one call that both the silo and the test cluster use.</summary>
public static class ConversationsSiloBuilderExtensions
{
    public static ISiloBuilder AddConversationsGrains(this ISiloBuilder silo, ConversationsSettings settings)
    {
        silo.AddAzureTableGrainStorage(ConversationsNames.GrainStorage, o => o.TableServiceClient = StorageClients.Tables(settings));
        silo.AddAzureTableGrainStorage(ConversationsNames.PubSubStore, o => o.TableServiceClient = StorageClients.Tables(settings));
        silo.UseAzureTableReminderService(o => o.TableServiceClient = StorageClients.Tables(settings));
        silo.AddConversationsStreams(settings);

        silo.Services.AddSingleton(StorageClients.Tables(settings));
        silo.Services.AddSingleton<IMessageStore, TableMessageStore>();
        silo.Services.AddSingleton<InboxCheckpointStore>();
        silo.Services.AddSingleton(TimeProvider.System);
        return silo;
    }

    public static ISiloBuilder UseConversationsClustering(this ISiloBuilder silo, ConversationsSettings settings) =>
        silo.UseAzureStorageClustering(o => o.TableServiceClient = StorageClients.Tables(settings));

    private static void AddConversationsStreams(this ISiloBuilder silo, ConversationsSettings settings)
    {
        if (settings.Streams == StreamProviderKind.AzureQueue)
        {
            silo.AddAzureQueueStreams(ConversationsNames.StreamProvider, options => options.Configure(q => StorageClients.ConfigureStreamQueues(q, settings)));
        }
        else
        {
            silo.AddMemoryStreams(ConversationsNames.StreamProvider);
        }
    }
}
