using Azure.Data.Tables;
using Azure.Storage.Queues;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Configuration;
using Conversations.Grains.Messages;
using Conversations.Grains.Visitors;

namespace Conversations.Silo.Hosting;

/// <summary>The grain side of the product on Azure Storage: one call that both the silo and the test cluster use.</summary>
public static class ConversationsSiloBuilderExtensions
{
    public static ISiloBuilder AddConversationsGrains(this ISiloBuilder silo, ConversationsSettings settings)
    {
        var connectionString = settings.StorageConnectionString;
        silo.AddAzureTableGrainStorage(ConversationsNames.GrainStorage, o => o.TableServiceClient = new TableServiceClient(connectionString));
        silo.AddAzureTableGrainStorage(ConversationsNames.PubSubStore, o => o.TableServiceClient = new TableServiceClient(connectionString));
        silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(connectionString));
        silo.AddConversationsStreams(settings);

        silo.Services.AddSingleton(new TableServiceClient(connectionString));
        silo.Services.AddSingleton<IMessageStore, TableMessageStore>();
        silo.Services.AddSingleton<IPageViewStore, TablePageViewStore>();
        silo.Services.AddSingleton(TimeProvider.System);
        return silo;
    }

    public static ISiloBuilder UseConversationsClustering(this ISiloBuilder silo, ConversationsSettings settings) =>
        silo.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(settings.StorageConnectionString));

    private static void AddConversationsStreams(this ISiloBuilder silo, ConversationsSettings settings)
    {
        if (settings.Streams == StreamProviderKind.AzureQueue)
        {
            silo.AddAzureQueueStreams(ConversationsNames.StreamProvider, options => options.Configure(q =>
            {
                q.QueueServiceClient = new QueueServiceClient(settings.StorageConnectionString);
                q.QueueNames = ConversationsNames.StreamQueueNames();
            }));
        }
        else
        {
            silo.AddMemoryStreams(ConversationsNames.StreamProvider);
        }
    }
}
