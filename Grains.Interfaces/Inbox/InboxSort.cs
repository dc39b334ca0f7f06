namespace Conversations.Grains.Interfaces.Inbox;

/// <summary>
/// Updated: newest first. Priority: highest first, then newest first; chats have no priority and
/// come after every ticket.
/// </summary>
public enum InboxSort
{
    Updated = 0,
    Priority = 1,
}
