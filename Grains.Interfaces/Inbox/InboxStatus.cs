namespace Conversations.Grains.Interfaces.Inbox;

/// <summary>The status filter of INB-4, shared by chats (open, closed) and tickets (open, pending, closed).</summary>
public enum InboxStatus
{
    Open = 1,
    Pending = 2,
    Closed = 3,
}
