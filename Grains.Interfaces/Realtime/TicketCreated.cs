using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>A ticket was opened (TIC-1).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.TicketCreated")]
public sealed record TicketCreated(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] string Subject,
    [property: Id(1)] TicketRequester Requester,
    [property: Id(2)] TicketPriority Priority,
    [property: Id(3)] Guid? SourceChatId) : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    public override bool VisibleToVisitor => false;
}
