using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>A chat was picked up or handed over (CHAT-1), or a ticket's assignee changed (TIC-6); null means unassigned.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ConversationAssigned")]
public sealed record ConversationAssigned(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] ConversationAssignee? Assignee) : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    public override bool VisibleToVisitor => false;
}
