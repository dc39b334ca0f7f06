namespace Conversations.Grains.Inbox;

/// <summary>
/// The keys in list order (<see cref="SortedKeys"/>) per place (inbox, Trash, Spam), per place and priority, and per assignee
/// and place: every view is in one place, so a walk meets only its own rows, and an assignee's list reads their rows in
/// sequence rather than picking them out at random.
/// </summary>
internal sealed class InboxListOrders
{
    private readonly SortedKeys[] _byPlace = NewOrders(InboxCells.Places);
    private readonly SortedKeys[][] _byPriority = [NewOrders(InboxCells.Priorities), NewOrders(InboxCells.Priorities), NewOrders(InboxCells.Priorities)];
    private readonly Dictionary<int, SortedKeys[]> _byAssignee = [];

    /// <summary>The place's keys, or those at one priority (all when <paramref name="priority"/> is negative).</summary>
    public SortedKeys Of(int place, int priority) => priority < 0 ? _byPlace[place] : _byPriority[place][priority];

    /// <summary>The assignee's keys in the place, or null when they never had a row.</summary>
    public SortedKeys? OfAssignee(int assignee, int place) => _byAssignee.GetValueOrDefault(assignee)?[place];

    /// <summary>Adds (or removes) the key of a listed row to (from) the orders of its place, priority and assignee.</summary>
    public void Set(InboxKey key, InboxRowFields fields, int assignee, bool on)
    {
        Set(_byPlace[fields.Place], key, on);
        Set(_byPriority[fields.Place][fields.Priority], key, on);
        if (assignee != 0)
        {
            Set(ForAssignee(assignee)[fields.Place], key, on);
        }
    }

    private static void Set(SortedKeys order, InboxKey key, bool on)
    {
        if (on)
        {
            order.Add(key);
        }
        else
        {
            order.Remove(key);
        }
    }

    private SortedKeys[] ForAssignee(int assignee)
    {
        if (!_byAssignee.TryGetValue(assignee, out var orders))
        {
            _byAssignee[assignee] = orders = NewOrders(InboxCells.Places);
        }

        return orders;
    }

    private static SortedKeys[] NewOrders(int count)
    {
        var orders = new SortedKeys[count];
        for (var i = 0; i < count; i++)
        {
            orders[i] = new SortedKeys();
        }

        return orders;
    }
}
