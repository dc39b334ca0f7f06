namespace Conversations.Grains.Interfaces.Common;

/// <summary>Provider, stream, table and group names shared by the silo and the web nodes.</summary>
public static class ConversationsNames
{
    public const string GrainStorage = "conversations";
    public const string PubSubStore = "PubSubStore";
    public const string StreamProvider = "conversations-events";

    public const string PropertyStreamNamespace = "property";
    public const string ConversationStreamNamespace = "conversation";
    public const string PresenceStreamNamespace = "presence";
    public const string AccessStreamNamespace = "access";
    public const string AgentTypingStreamNamespace = "typing-agents";
    public const string VisitorTypingStreamNamespace = "typing-visitor";

    /// <summary>
    /// Queues of the in-memory stream provider; silos and clients must agree on it. Few queues let each be polled often
    /// for the same cost; each silo pulls at least one of them while there are no more silos than queues.
    /// </summary>
    public const int MemoryStreamQueues = 2;

    /// <summary>The message log (partitions and row keys: Grains/Messages/MessageLogKeys).</summary>
    public const string MessagesTable = "MessageLog";

    public const string PageViewsTable = "VisitorPageViews";

    /// <summary>Checkpoints of the inbox index shards (partition = shard, row = conversation).</summary>
    public const string InboxTable = "InboxIndex";

    /// <summary>Blob container of message attachments (blob = conversation id / attachment id).</summary>
    public const string AttachmentsContainer = "attachments";

    /// <summary>The blob metadata holding an attachment's file name (URI-escaped: metadata is ASCII).</summary>
    public const string AttachmentNameMetadata = "name";

    public static string AttachmentBlob(Guid conversationId, string attachmentId) => $"{conversationId:N}/{attachmentId}";

    /// <summary>The Azure queues behind the queue stream provider (when it is chosen); every node must use the same count.</summary>
    public static List<string> StreamQueueNames(int count) =>
        Enumerable.Range(0, count).Select(i => $"conversations-events-{i}").ToList();
}
