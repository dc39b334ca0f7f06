using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>A ticket's status changed (TIC-3, TIC-5).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.TicketStatusChanged")]
public sealed record TicketStatusChanged(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] TicketStatus Status) : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    /// <summary>The close that seals a ticket merged into another (MRG-1): not a resolution, since the survivor carries on.</summary>
    [Id(1)]
    public bool ByMerge { get; init; }

    public override bool VisibleToVisitor => false;
}
