namespace Conversations.Grains.Interfaces.Common;

/// <summary>Where a conversation lives, apart from its status (BIN-1..3). Purged is a tombstone that holds no content.</summary>
public enum BinState
{
    Inbox = 0,
    Trashed = 1,
    Spam = 2,
    Purged = 3,
}
