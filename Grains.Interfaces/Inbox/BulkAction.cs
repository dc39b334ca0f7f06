namespace Conversations.Grains.Interfaces.Inbox;

/// <summary>What INB-5's bulk command does to each selected conversation.</summary>
public enum BulkAction
{
    Close = 1,
    Trash = 2,
    Restore = 3,
    Purge = 4,
    Spam = 5,
}
