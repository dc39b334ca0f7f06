using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Interfaces.Sla;

/// <summary>The targets for conversations of one priority, in business minutes; null means no target. Chats count as Medium.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.SlaPolicy")]
public sealed record SlaPolicy(
    [property: Id(0)] TicketPriority Priority,
    [property: Id(1)] int? FirstResponseMinutes,
    [property: Id(2)] int? NextResponseMinutes,
    [property: Id(3)] int? ResolutionMinutes);
