using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>A ticket's priority changed (TIC-7).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.TicketPriorityChanged")]
public sealed record TicketPriorityChanged(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] TicketPriority Priority) : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    public override bool VisibleToVisitor => false;
}
