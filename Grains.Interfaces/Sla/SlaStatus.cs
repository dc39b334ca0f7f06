using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Interfaces.Sla;

/// <summary>
/// Where an open conversation stands against its targets (SLA-1). <see cref="DueAt"/> is the nearest running target's due time;
/// past it the conversation is breached. A pending ticket's clocks are paused (no due time runs).
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.SlaStatus")]
public sealed record SlaStatus(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] ConversationKind Kind,
    [property: Id(2)] TicketPriority Priority,
    [property: Id(3)] SlaTarget? Target,
    [property: Id(4)] DateTimeOffset? DueAt,
    [property: Id(5)] bool Paused,
    [property: Id(6)] bool Breached,
    [property: Id(7)] DateTimeOffset? FirstResponseDueAt,
    [property: Id(8)] DateTimeOffset? NextResponseDueAt,
    [property: Id(9)] DateTimeOffset? ResolutionDueAt,
    [property: Id(10)] Guid? AgentId);
