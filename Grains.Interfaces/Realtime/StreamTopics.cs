using Orleans.Runtime;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>
/// The stream ids events travel on: all per property (a conversation's changes, presence, typing, seen marks, queue places)
/// and one for the whole cluster's access changes. None per conversation: a web node listens once per property and passes
/// each <see cref="IConversationScoped"/> notice to that conversation's visitor, so a chat costs no subscription of its own.
/// </summary>
public static class StreamTopics
{
    public static StreamId Property(string propertyId) =>
        StreamId.Create(ConversationsNames.PropertyStreamNamespace, propertyId);

    /// <summary>Presence changes of a property's agents.</summary>
    public static StreamId Presence(string propertyId) =>
        StreamId.Create(ConversationsNames.PresenceStreamNamespace, propertyId);

    /// <summary>Typing in any of a property's conversations, for its agents (<see cref="TypingChanged"/>).</summary>
    public static StreamId AgentTyping(string propertyId) =>
        StreamId.Create(ConversationsNames.AgentTypingStreamNamespace, propertyId);

    /// <summary>Visitors' seen marks in a property's chats, for its agents (<see cref="VisitorSeen"/>).</summary>
    public static StreamId AgentSeen(string propertyId) =>
        StreamId.Create(ConversationsNames.AgentSeenStreamNamespace, propertyId);

    /// <summary>Who views and replies in a property's conversations, for its agents (COL-1, <see cref="Collision.WatchersChanged"/>).</summary>
    public static StreamId Watchers(string propertyId) =>
        StreamId.Create(ConversationsNames.WatchersStreamNamespace, propertyId);

    /// <summary>Agents typing in a property's conversations, for each conversation's visitor.</summary>
    public static StreamId VisitorTyping(string propertyId) =>
        StreamId.Create(ConversationsNames.VisitorTypingStreamNamespace, propertyId);

    /// <summary>Agents' seen marks in a property's chats, for each chat's visitor (<see cref="AgentSeen"/>).</summary>
    public static StreamId VisitorSeen(string propertyId) =>
        StreamId.Create(ConversationsNames.VisitorSeenStreamNamespace, propertyId);

    /// <summary>Waiting chats' places in a property's queue, for each chat's visitor (<see cref="Routing.QueuePlace"/>, RTE-1).</summary>
    public static StreamId VisitorQueue(string propertyId) =>
        StreamId.Create(ConversationsNames.VisitorQueueStreamNamespace, propertyId);

    /// <summary>SLA breaches of a property's conversations, for its agents (SlaBreached, SLA-1).</summary>
    public static StreamId Sla(string propertyId) =>
        StreamId.Create(ConversationsNames.SlaStreamNamespace, propertyId);

    /// <summary>Every agent's membership changes (<see cref="Agents.AgentAccessChanged"/>); each web node listens to it.</summary>
    public static StreamId Access { get; } = StreamId.Create(ConversationsNames.AccessStreamNamespace, "agents");
}
