namespace Conversations.Grains.Interfaces.Common;

/// <summary>Provider and stream names shared by the silo and the web nodes (storage names: Hosting/StorageNames).</summary>
public static class ConversationsNames
{
    public const string GrainStorage = "conversations";
    public const string PubSubStore = "PubSubStore";
    public const string StreamProvider = "conversations-events";

    public const string PropertyStreamNamespace = "property";
    public const string PresenceStreamNamespace = "presence";
    public const string AccessStreamNamespace = "access";
    public const string AgentTypingStreamNamespace = "typing-agents";
    public const string VisitorTypingStreamNamespace = "typing-visitor";
    public const string AgentSeenStreamNamespace = "seen-agents";
    public const string VisitorSeenStreamNamespace = "seen-visitor";
    public const string VisitorQueueStreamNamespace = "queue-visitor";
    public const string SlaStreamNamespace = "sla";
    public const string WatchersStreamNamespace = "watchers";

    /// <summary>
    /// Queues of the in-memory stream provider; silos and clients must agree on it. Few queues let each be polled often
    /// for the same cost; each silo pulls at least one of them while there are no more silos than queues.
    /// </summary>
    public const int MemoryStreamQueues = 2;
}
