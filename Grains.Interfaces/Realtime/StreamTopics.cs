using Orleans.Runtime;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>
/// The stream ids events travel on: one per property (agents) and one per conversation (visitor, popouts), presence per
/// property, and one for the whole cluster's access changes.
/// </summary>
public static class StreamTopics
{
    public static StreamId Property(string propertyId) =>
        StreamId.Create(ConversationsNames.PropertyStreamNamespace, propertyId);

    public static StreamId Conversation(Guid conversationId) =>
        StreamId.Create(ConversationsNames.ConversationStreamNamespace, conversationId);

    /// <summary>Presence changes of a property's agents.</summary>
    public static StreamId Presence(string propertyId) =>
        StreamId.Create(ConversationsNames.PresenceStreamNamespace, propertyId);

    /// <summary>Typing in any of a property's conversations, for its agents (<see cref="TypingChanged"/>).</summary>
    public static StreamId AgentTyping(string propertyId) =>
        StreamId.Create(ConversationsNames.AgentTypingStreamNamespace, propertyId);

    /// <summary>Visitors' seen marks in a property's chats, for its agents (<see cref="VisitorSeen"/>).</summary>
    public static StreamId AgentSeen(string propertyId) =>
        StreamId.Create(ConversationsNames.AgentSeenStreamNamespace, propertyId);

    /// <summary>An agent typing in a conversation, for its visitor.</summary>
    public static StreamId VisitorTyping(Guid conversationId) =>
        StreamId.Create(ConversationsNames.VisitorTypingStreamNamespace, conversationId);

    /// <summary>Agents' seen marks in a chat, for its visitor (<see cref="AgentSeen"/>).</summary>
    public static StreamId VisitorSeen(Guid conversationId) =>
        StreamId.Create(ConversationsNames.VisitorSeenStreamNamespace, conversationId);

    /// <summary>A waiting chat's place in the queue, for its visitor (<see cref="Routing.QueuePlace"/>, RTE-1).</summary>
    public static StreamId VisitorQueue(Guid conversationId) =>
        StreamId.Create(ConversationsNames.VisitorQueueStreamNamespace, conversationId);

    /// <summary>SLA breaches of a property's conversations, for its agents (SlaBreached, SLA-1).</summary>
    public static StreamId Sla(string propertyId) =>
        StreamId.Create(ConversationsNames.SlaStreamNamespace, propertyId);

    /// <summary>Every agent's membership changes (<see cref="Agents.AgentAccessChanged"/>); each web node listens to it.</summary>
    public static StreamId Access { get; } = StreamId.Create(ConversationsNames.AccessStreamNamespace, "agents");
}
