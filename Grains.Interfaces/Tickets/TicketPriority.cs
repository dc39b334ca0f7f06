namespace Conversations.Grains.Interfaces.Tickets;

/// <summary>TIC-7; the numbers order the priorities for sorting.</summary>
public enum TicketPriority
{
    Lowest = 1,
    Low = 2,
    Medium = 3,
    High = 4,
    Highest = 5,
}
