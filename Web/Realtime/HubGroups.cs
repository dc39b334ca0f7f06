using Conversations.Grains.Interfaces.Realtime;
using Orleans.Runtime;

namespace Conversations.Web.Realtime;

/// <summary>A SignalR group and the stream topic that feeds it.</summary>
public sealed record HubGroups(string Group, StreamId Topic)
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

    /// <summary>An agent typing, sent to the conversation's group of the visitor hub.</summary>
    public static HubGroups VisitorTyping(Guid conversationId) => new($"conversation:{conversationId:N}", StreamTopics.VisitorTyping(conversationId));

    /// <summary>Agents' seen marks, sent to the conversation's group of the visitor hub.</summary>
    public static HubGroups VisitorSeen(Guid conversationId) => new($"conversation:{conversationId:N}", StreamTopics.VisitorSeen(conversationId));
    /// <summary>A waiting chat's place in the queue (RTE-1), sent to the conversation's group of the visitor hub.</summary>
    public static HubGroups VisitorQueue(Guid conversationId) => new($"conversation:{conversationId:N}", StreamTopics.VisitorQueue(conversationId));

    public static HubGroups Conversation(Guid conversationId) => new($"conversation:{conversationId:N}", StreamTopics.Conversation(conversationId));
}
