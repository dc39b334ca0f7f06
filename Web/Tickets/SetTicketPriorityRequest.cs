using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Web.Tickets;

public sealed record SetTicketPriorityRequest(TicketPriority Priority);
