using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>
/// A set of cells: a cell is one combination of place (inbox, Trash, Spam), kind, status and priority, the values
/// every view and status filter is made of. Counting rows per cell (<see cref="Tally"/>) answers the totals of
/// those filters without touching a row, and a key carries its cell so a walk checks them without a lookup.
/// </summary>
internal sealed class InboxCells
{
    public const int Places = 3;
    public const int Statuses = 4;
    public const int Priorities = 6;
    public const int Count = Places * 2 * Statuses * Priorities;

    /// <summary>Made once per place, kinds, statuses and priorities (they are few).</summary>
    private static readonly InboxCells?[] Cache = new InboxCells?[Places * 3 << (Statuses + Priorities)];

    private readonly bool[] _mask;

    private InboxCells(bool[] mask)
    {
        _mask = mask;
        Members = [.. Enumerable.Range(0, Count).Where(c => mask[c])];
    }

    public int[] Members { get; }

    public static byte Of(int place, bool chat, int status, int priority) =>
        (byte)((((((place * 2) + (chat ? 0 : 1)) * Statuses) + Math.Min(status, Statuses - 1)) * Priorities) + priority);

    /// <summary>
    /// The cells of one place, of chats, tickets or both (<paramref name="chats"/> null), with any of the statuses (all when none)
    /// and any of the priorities (all when none; a chat has none, so a priority filter leaves only tickets).
    /// </summary>
    public static InboxCells Of(int place, bool? chats, IReadOnlyList<InboxStatus>? statuses, IReadOnlyList<int>? priorities = null)
    {
        var statusMask = statuses is { Count: > 0 } ? statuses.Where(s => (int)s is > 0 and < Statuses).Aggregate(0, (mask, s) => mask | (1 << (int)s)) : (1 << Statuses) - 1;
        var priorityMask = priorities is { Count: > 0 } ? priorities.Where(p => p is > 0 and < Priorities).Aggregate(0, (mask, p) => mask | (1 << p)) : (1 << Priorities) - 1;
        var kinds = chats switch { null => 0, true => 1, false => 2 };
        var at = (((((place * 3) + kinds) << Statuses) + statusMask) << Priorities) + priorityMask;
        return Cache[at] ??= Make(place, chats, statusMask, priorityMask);
    }

    public bool Contains(int cell) => _mask[cell];

    private static InboxCells Make(int place, bool? chats, int statusMask, int priorityMask)
    {
        var mask = new bool[Count];
        foreach (var chat in chats is { } only ? [only] : new[] { true, false })
        {
            for (var status = 0; status < Statuses; status++)
            {
                for (var priority = 0; (statusMask & (1 << status)) != 0 && priority < Priorities; priority++)
                {
                    mask[Of(place, chat, status, priority)] = (priorityMask & (1 << priority)) != 0;
                }
            }
        }

        return new InboxCells(mask);
    }
}
