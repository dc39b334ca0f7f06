using Conversations.Grains.Interfaces.Email;

namespace Conversations.Grains.Interfaces.Configuration;

/// <summary>
/// The <c>Conversations:*</c> configuration both the silo and the web nodes read.
/// Deliberately not under <c>Orleans:*</c>, which Orleans reads as provider settings.
/// </summary>
public sealed class ConversationsSettings
{
    public const string SectionName = "Conversations";

    /// <summary>Azure Storage connection string; <c>UseDevelopmentStorage=true</c> means Azurite on its default ports.</summary>
    public string StorageConnectionString { get; set; } = "";

    /// <summary>In Azure: the table endpoint, reached with the managed identity instead of a connection string.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>In Azure: the queue endpoint (for <see cref="StreamProviderKind.AzureQueue"/>), reached with the managed identity.</summary>
    public string? QueueServiceUri { get; set; }

    /// <summary>In Azure: the blob endpoint (message attachments), reached with the managed identity.</summary>
    public string? BlobServiceUri { get; set; }

    public string ClusterId { get; set; } = "conversations-dev";

    public string ServiceId { get; set; } = "conversations";

    public StreamProviderKind Streams { get; set; } = StreamProviderKind.Memory;

    /// <summary>
    /// How many Azure queues carry the streams (with <see cref="StreamProviderKind.AzureQueue"/>). The silos share them out,
    /// so a silo beyond this count pulls none; every silo and web node must use the same count (infra: 4 per silo, 8 at least).
    /// </summary>
    public int StreamQueueCount { get; set; } = 8;

    public EmailSettings Email { get; set; } = new();

    public Merging.MergeSettings Merge { get; set; } = new();

    /// <summary>Every problem with these settings, worded for the person starting the process (checked at start: Hosting/Settings).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(StorageConnectionString) && string.IsNullOrWhiteSpace(TableServiceUri))
        {
            problems.Add($"{SectionName}:StorageConnectionString is required (use 'UseDevelopmentStorage=true' for Azurite), unless {SectionName}:TableServiceUri is set.");
        }

        foreach (var (name, uri) in new[] { ("TableServiceUri", TableServiceUri), ("QueueServiceUri", QueueServiceUri), ("BlobServiceUri", BlobServiceUri) })
        {
            if (!string.IsNullOrWhiteSpace(uri) && !Uri.TryCreate(uri, UriKind.Absolute, out _))
            {
                problems.Add($"{SectionName}:{name} must be an absolute URI.");
            }
        }

        if (Streams == StreamProviderKind.AzureQueue && string.IsNullOrWhiteSpace(StorageConnectionString) && string.IsNullOrWhiteSpace(QueueServiceUri))
        {
            problems.Add($"{SectionName}:QueueServiceUri is required for Azure Queue streams without a connection string.");
        }

        if (StreamQueueCount is < 1 or > 256)
        {
            problems.Add($"{SectionName}:StreamQueueCount must be between 1 and 256.");
        }

        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            problems.Add($"{SectionName}:ClusterId must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            problems.Add($"{SectionName}:ServiceId must not be empty.");
        }

        if (!Enum.IsDefined(Streams))
        {
            problems.Add($"{SectionName}:Streams must be one of {string.Join(", ", Enum.GetNames<StreamProviderKind>())}.");
        }

        problems.AddRange(Email.Problems());
        return problems;
    }
}
