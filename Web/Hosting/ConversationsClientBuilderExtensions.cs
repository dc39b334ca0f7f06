using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Configuration;
using Conversations.Hosting;
using Orleans.Configuration;

namespace Conversations.Web.Hosting;

public static class ConversationsClientBuilderExtensions
{
    /// <summary>Finds the silos through Azure Table clustering and uses the same stream provider as they do.</summary>
    public static IClientBuilder UseConversationsCluster(this IClientBuilder client, ConversationsSettings settings)
    {
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = GrainCallTimeouts.Default);
        // A web node re-reads the live gateways every 10 s (default 60 s), so it stops picking a killed silo's gateway soon.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10));
        client.UseAzureStorageClustering(o => o.TableServiceClient = StorageClients.Tables(settings));
        if (settings.Streams == StreamProviderKind.AzureQueue)
        {
            client.AddAzureQueueStreams(ConversationsNames.StreamProvider, options => options.Configure(q => StorageClients.ConfigureStreamQueues(q, settings)));
        }
        else
        {
            client.AddMemoryStreams(ConversationsNames.StreamProvider, stream => stream.ConfigurePartitioning(ConversationsNames.MemoryStreamQueues));
        }

        return client;
    }
}
