namespace Conversations.Hosting;

/// <summary>
/// The tables, blob container and queues the product keeps in Azure Storage. They are the storage layout the silo's
/// adapters and the web node's attachment downloads agree on, not part of the grain contracts.
/// </summary>
public static class StorageNames
{
    /// <summary>The message log (partitions and row keys: Infrastructure/Messages/MessageLogKeys).</summary>
    public const string MessagesTable = "MessageLog";

    public const string PageViewsTable = "VisitorPageViews";

    /// <summary>Checkpoints of the inbox index shards (partition = shard, row = conversation).</summary>
    public const string InboxTable = "InboxIndex";

    /// <summary>What the reports know of each conversation (partition = property, row = conversation), RPT-1.</summary>
    public const string ReportCardsTable = "ReportCards";

    /// <summary>The audit log, append-only (partition = property, row = time counted down, then a unique suffix), AUD-1.</summary>
    public const string AuditTable = "AuditLog";

    /// <summary>Blob container of message attachments (blob = conversation id / attachment id).</summary>
    public const string AttachmentsContainer = "attachments";

    /// <summary>Blob container of the search indexes' snapshots (blob = service id / property id / ..., SRCH-1).</summary>
    public const string SearchIndexContainer = "search-index";

    /// <summary>The blob metadata holding an attachment's file name (URI-escaped: metadata is ASCII).</summary>
    public const string AttachmentNameMetadata = "name";

    public static string AttachmentBlob(Guid conversationId, string attachmentId) => $"{conversationId:N}/{attachmentId}";

    /// <summary>Attachment ids are 32 lower-case hex digits, whoever made them.</summary>
    public static bool IsAttachmentId(string? id) => id is { Length: 32 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>The Azure queues behind the queue stream provider (when it is chosen); every node must use the same count.</summary>
    public static List<string> StreamQueueNames(int count) =>
        Enumerable.Range(0, count).Select(i => $"conversations-events-{i}").ToList();
}
