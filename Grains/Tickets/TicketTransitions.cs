using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Tickets;

/// <summary>A ticket's status (TIC-5): open ⇄ pending → closed. Closing is irreversible.</summary>
public static class TicketTransitions
{
    private static readonly StatusTransitions<TicketStatus> Table = new(
        "ticket",
        TicketStatus.Closed,
        to => $"This ticket is closed, and closing is irreversible: it cannot be set to {to}.",
        (TicketStatus.Open, TicketStatus.Pending),
        (TicketStatus.Pending, TicketStatus.Open),
        (TicketStatus.Open, TicketStatus.Closed),
        (TicketStatus.Pending, TicketStatus.Closed));

    /// <summary>True when the status changes, false when it is already <paramref name="to"/>; throws when refused.</summary>
    public static bool Check(TicketStatus from, TicketStatus to) => Table.Check(from, to);
}
