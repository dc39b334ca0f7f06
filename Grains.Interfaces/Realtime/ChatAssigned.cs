using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>A chat was picked up or handed to another agent or department (CHAT-1); null means unassigned.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ChatAssigned")]
public sealed record ChatAssigned(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] ConversationAssignee? Assignee) : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    public override bool VisibleToVisitor => false;
}
