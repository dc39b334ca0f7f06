using Conversations.Grains.Interfaces.Realtime;
using Orleans.Runtime;

namespace Conversations.Web.Realtime;

/// <summary>A SignalR group and the stream topic that feeds it.</summary>
public sealed record HubGroups(string Group, StreamId Topic)
{
    public static HubGroups Property(string propertyId) => new($"property:{propertyId}", StreamTopics.Property(propertyId));

    public static HubGroups Conversation(Guid conversationId) => new($"conversation:{conversationId:N}", StreamTopics.Conversation(conversationId));
}
