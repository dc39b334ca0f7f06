using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Configuration;
using Orleans.Configuration;

namespace Conversations.Hosting;

/// <summary>
/// Azure Storage clients for both the silo and the web node (this file is linked into Web): from a
/// connection string (Azurite, keys) or from service URIs with the managed identity (Azure).
/// </summary>
internal static class StorageClients
{
    private static readonly Lazy<TokenCredential> Credential = new(() => new DefaultAzureCredential());

    public static TableServiceClient Tables(ConversationsSettings settings) =>
        settings.TableServiceUri is { Length: > 0 } uri
            ? new TableServiceClient(new Uri(uri), Credential.Value)
            : new TableServiceClient(settings.StorageConnectionString);

    public static QueueServiceClient Queues(ConversationsSettings settings) =>
        settings.QueueServiceUri is { Length: > 0 } uri
            ? new QueueServiceClient(new Uri(uri), Credential.Value)
            : new QueueServiceClient(settings.StorageConnectionString);

    /// <summary>The queues behind the Azure Queue stream provider; silo and clients must agree on them.</summary>
    public static void ConfigureStreamQueues(AzureQueueOptions options, ConversationsSettings settings)
    {
        options.QueueServiceClient = Queues(settings);
        options.QueueNames = ConversationsNames.StreamQueueNames();
    }
}
