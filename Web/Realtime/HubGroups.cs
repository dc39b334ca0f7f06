using Conversations.Grains.Interfaces.Realtime;
using Orleans.Runtime;

namespace Conversations.Web.Realtime;

/// <summary>
/// A SignalR group and the stream topic that feeds it. With <see cref="Conversation"/>, the topic is a property's and the group
/// gets only that conversation's notices (<see cref="IConversationScoped"/>): a visitor's chat needs no stream of its own.
/// </summary>
public sealed record HubGroups(string Group, StreamId Topic, Guid? Conversation = null)
{
    public static HubGroups Property(string propertyId) => new($"property:{propertyId}", StreamTopics.Property(propertyId));

    /// <summary>Presence of the property's agents, sent to the same group as the property's conversations.</summary>
    public static HubGroups Presence(string propertyId) => new($"property:{propertyId}", StreamTopics.Presence(propertyId));

    /// <summary>Typing in the property's conversations, sent to the same group as its conversations.</summary>
    public static HubGroups AgentTyping(string propertyId) => new($"property:{propertyId}", StreamTopics.AgentTyping(propertyId));

    /// <summary>Visitors' seen marks in the property's chats, sent to the same group as its conversations.</summary>
    public static HubGroups AgentSeen(string propertyId) => new($"property:{propertyId}", StreamTopics.AgentSeen(propertyId));

    /// <summary>SLA breaches of the property's conversations (SLA-1), sent to the same group as its conversations.</summary>
    public static HubGroups Sla(string propertyId) => new($"property:{propertyId}", StreamTopics.Sla(propertyId));
    /// <summary>Who views and replies in the property's conversations (COL-1), sent to the same group as its conversations.</summary>
    public static HubGroups Watchers(string propertyId) => new($"property:{propertyId}", StreamTopics.Watchers(propertyId));

    /// <summary>A chat's changes (whispers left out), sent to the conversation's group of the visitor hub.</summary>
    public static HubGroups Chat(string propertyId, Guid conversationId) =>
        new(ConversationGroup(conversationId), StreamTopics.Property(propertyId), conversationId);

    /// <summary>An agent typing, sent to the conversation's group of the visitor hub.</summary>
    public static HubGroups VisitorTyping(string propertyId, Guid conversationId) =>
        new(ConversationGroup(conversationId), StreamTopics.VisitorTyping(propertyId), conversationId);

    /// <summary>Agents' seen marks, sent to the conversation's group of the visitor hub.</summary>
    public static HubGroups VisitorSeen(string propertyId, Guid conversationId) =>
        new(ConversationGroup(conversationId), StreamTopics.VisitorSeen(propertyId), conversationId);

    /// <summary>A waiting chat's place in the queue (RTE-1), sent to the conversation's group of the visitor hub.</summary>
    public static HubGroups VisitorQueue(string propertyId, Guid conversationId) =>
        new(ConversationGroup(conversationId), StreamTopics.VisitorQueue(propertyId), conversationId);

    private static string ConversationGroup(Guid conversationId) => $"conversation:{conversationId:N}";
}
