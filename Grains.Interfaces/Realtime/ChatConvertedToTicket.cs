namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>A chat was converted into a ticket (CHAT-3).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ChatConvertedToTicket")]
public sealed record ChatConvertedToTicket(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] Guid TicketId) : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    public override bool VisibleToVisitor => false;
}
