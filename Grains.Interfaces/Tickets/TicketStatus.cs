namespace Conversations.Grains.Interfaces.Tickets;

public enum TicketStatus
{
    None = 0,
    Open = 1,
    Pending = 2,
    Closed = 3,
}
