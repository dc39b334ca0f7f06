namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>A new ticket follows this closed one up (TIC-5: the requester wrote again after it was closed).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.TicketFollowUpLinked")]
public sealed record TicketFollowUpLinked(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] Guid FollowUpTicketId) : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    public override bool VisibleToVisitor => false;
}
