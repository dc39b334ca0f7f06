using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Conversations.Grains.Interfaces.Configuration;
using Orleans.Configuration;

namespace Conversations.Hosting;

/// <summary>
/// Azure Storage clients for both the silo and the web node: from a
/// connection string (Azurite, keys) or from service URIs with the managed identity (Azure).
/// </summary>
public static class StorageClients
{
    private static readonly Lazy<TokenCredential> Credential = new(() => new DefaultAzureCredential());

    /// <summary>How long one storage request may wait for an answer before it counts as failed.</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(2);

    public static TableServiceClient Tables(ConversationsSettings settings) => Tables(settings, Bounded(new TableClientOptions()));

    /// <summary>
    /// The silos' membership table: no request waits on it, and a silo whose first read of it fails does not start (a silo
    /// added while Azurite answered slowly exited at start, bench/results/chaos.md), so each try gets 10 s and there are
    /// four. Reminders stay bounded: grains register them while a caller waits.
    /// </summary>
    public static TableServiceClient MembershipTables(ConversationsSettings settings) => Tables(settings, Patient(new TableClientOptions()));

    /// <summary>
    /// The queues behind the streams: no caller waits on them (a message is acknowledged before its events are published, and a
    /// pulling agent reads in the background), but a failed read makes the agent back off for up to 20 s, and a busy Azurite
    /// answered in 2-4 s (bench/results/chaos.md): the consoles' feed stalled for a minute. Each try gets 4 s.
    /// </summary>
    public static QueueServiceClient StreamQueues(ConversationsSettings settings)
    {
        var options = Bounded(new QueueClientOptions());
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(4);
        return Queues(settings, options);
    }

    public static BlobServiceClient Blobs(ConversationsSettings settings) =>
        settings.BlobServiceUri is { Length: > 0 } uri
            ? new BlobServiceClient(new Uri(uri), Credential.Value, Bounded(new BlobClientOptions()))
            : new BlobServiceClient(settings.StorageConnectionString, Bounded(new BlobClientOptions()));

    /// <summary>
    /// The SDK's defaults (100 s per try, 3 retries) turn a storage outage into minutes-long hangs of
    /// every grain waiting on it. Bounded, a storage call fails within about 4.5 s (two tries), so the
    /// caller gets a quick "unavailable" and retries with its command id, which never applies twice.
    /// </summary>
    private static T Bounded<T>(T options) where T : ClientOptions
    {
        options.Retry.NetworkTimeout = NetworkTimeout;
        options.Retry.MaxRetries = 1;
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.Delay = TimeSpan.FromMilliseconds(250);
        return options;
    }

    private static QueueServiceClient Queues(ConversationsSettings settings, QueueClientOptions options) =>
        settings.QueueServiceUri is { Length: > 0 } uri
            ? new QueueServiceClient(new Uri(uri), Credential.Value, options)
            : new QueueServiceClient(settings.StorageConnectionString, options);

    private static TableServiceClient Tables(ConversationsSettings settings, TableClientOptions options) =>
        settings.TableServiceUri is { Length: > 0 } uri
            ? new TableServiceClient(new Uri(uri), Credential.Value, options)
            : new TableServiceClient(settings.StorageConnectionString, options);

    private static T Patient<T>(T options) where T : ClientOptions
    {
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        options.Retry.MaxRetries = 3;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        return options;
    }

    /// <summary>The queues behind the Azure Queue stream provider; silo and clients must agree on them.</summary>
    public static void ConfigureStreamQueues(AzureQueueOptions options, ConversationsSettings settings)
    {
        options.QueueServiceClient = StreamQueues(settings);
        options.QueueNames = StorageNames.StreamQueueNames(settings.StreamQueueCount);
    }
}
