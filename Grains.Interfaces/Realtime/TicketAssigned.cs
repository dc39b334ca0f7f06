using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>A ticket's assignee changed (TIC-6); null means unassigned.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.TicketAssigned")]
public sealed record TicketAssigned(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] ConversationAssignee? Assignee) : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    public override bool VisibleToVisitor => false;
}
