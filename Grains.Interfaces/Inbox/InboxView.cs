namespace Conversations.Grains.Interfaces.Inbox;

/// <summary>The five views of INB-2. All, Chats and Tickets hold only what is in the inbox.</summary>
public enum InboxView
{
    All = 0,
    Chats = 1,
    Tickets = 2,
    Trash = 3,
    Spam = 4,
}
