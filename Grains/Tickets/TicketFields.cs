using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Tickets;

/// <summary>A new ticket's validated fields.</summary>
public sealed record TicketFields(string PropertyId, string Subject, TicketRequester Requester, TicketPriority Priority);
