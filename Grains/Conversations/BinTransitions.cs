using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Conversations;

/// <summary>
/// Where a chat or ticket may move (BIN-1..3): any → trashed → restored | purged; any → spam →
/// restored | purged. Purged is final. The status (open, closed, …) is kept apart, so a restore puts
/// the conversation back exactly as it was.
/// </summary>
public static class BinTransitions
{
    private static readonly HashSet<(BinState From, BinState To)> Allowed =
    [
        (BinState.Inbox, BinState.Trashed),
        (BinState.Inbox, BinState.Spam),
        (BinState.Trashed, BinState.Spam),
        (BinState.Spam, BinState.Trashed),
        (BinState.Trashed, BinState.Inbox),
        (BinState.Spam, BinState.Inbox),
        (BinState.Trashed, BinState.Purged),
        (BinState.Spam, BinState.Purged),
    ];

    /// <summary>True when the move changes something, false when it is already done; throws when it is refused.</summary>
    public static bool Check(BinState from, BinState to)
    {
        if (!Enum.IsDefined(to))
        {
            throw DomainException.Invalid($"'{to}' is not a place a conversation can move to.");
        }

        if (from == BinState.Purged)
        {
            return to == BinState.Purged
                ? false
                : throw DomainException.Irreversible("It was purged: purging is irreversible, so it cannot be restored or moved.");
        }

        if (from == to)
        {
            return to == BinState.Inbox ? throw DomainException.Conflict("It is not in Trash or Spam, so there is nothing to restore.") : false;
        }

        if (Allowed.Contains((from, to)))
        {
            return true;
        }

        throw to == BinState.Purged
            ? DomainException.Conflict("Only items in Trash or Spam can be purged; delete it first.")
            : DomainException.Conflict($"It cannot move from {from} to {to}.");
    }
}
