using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Tickets;

/// <summary>A ticket's status (TIC-5): open ⇄ pending → closed. Closing is irreversible.</summary>
public static class TicketTransitions
{
    private static readonly HashSet<(TicketStatus From, TicketStatus To)> Allowed =
    [
        (TicketStatus.Open, TicketStatus.Pending),
        (TicketStatus.Pending, TicketStatus.Open),
        (TicketStatus.Open, TicketStatus.Closed),
        (TicketStatus.Pending, TicketStatus.Closed),
    ];

    /// <summary>True when the status changes, false when it is already <paramref name="to"/>; throws when refused.</summary>
    public static bool Check(TicketStatus from, TicketStatus to)
    {
        if (!Enum.IsDefined(to) || to == TicketStatus.None)
        {
            throw DomainException.Invalid($"'{to}' is not a ticket status (Open, Pending or Closed).");
        }

        if (from == to)
        {
            return false;
        }

        if (from == TicketStatus.Closed)
        {
            throw DomainException.Irreversible($"This ticket is closed, and closing is irreversible: it cannot be set to {to}.");
        }

        return Allowed.Contains((from, to)) ? true : throw DomainException.Conflict($"A ticket cannot go from {from} to {to}.");
    }
}
