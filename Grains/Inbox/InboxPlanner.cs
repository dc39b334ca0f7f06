using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>
/// Turns a query into an <see cref="InboxQueryPlan"/>: the bitmaps to AND, the cells of its view and statuses, the checks left
/// for each row, and the assignee's own list order when there is one.
/// </summary>
internal sealed class InboxPlanner(InboxColumns columns, InboxFilterSets filters, InboxListOrders orders)
{
    /// <summary>False when some term has no bitmap at all (an unknown assignee or tags, no week in the range): nothing matches.</summary>
    public bool TryPlan(InboxQuery query, out InboxQueryPlan plan)
    {
        var place = PlaceOf(query.View);
        bool? chats = query.View switch { InboxView.Chats => true, InboxView.Tickets => false, _ => null };
        List<Bitmap[]> terms = [[filters.Place(place)]];
        if (chats is { } chat)
        {
            terms.Add([filters.Kind(chat)]);
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            terms.Add(statuses.Where(s => (int)s is > 0 and < 4).Select(s => filters.Status((int)s)).ToArray());
        }

        var priorities = query.Priorities is { Count: > 0 } chosen ? chosen.Select(p => (int)p).Where(p => p is > 0 and < InboxCells.Priorities).Distinct().ToArray() : null;
        if (priorities is not null)
        {
            terms.Add(priorities.Select(filters.Priority).ToArray());
        }

        var extras = new List<Bitmap[]>();
        SortedKeys? assignedOrder = null;
        if (!string.IsNullOrEmpty(query.Assignee))
        {
            var assignee = columns.Strings.Find(query.Assignee);
            extras.Add(filters.Assignee(assignee) is { } assigned ? [assigned] : []);
            assignedOrder = orders.OfAssignee(assignee, place);
        }

        if (query.Tags is { Count: > 0 } tags)
        {
            extras.Add(tags.Select(t => filters.Tag(columns.Strings.Find(t))).OfType<Bitmap>().Distinct().ToArray());
        }

        if (query.MinMessages is > 0 and var min)
        {
            extras.Add([filters.AtLeast(min)]);
        }

        terms.AddRange(extras);
        var residual = new ResidualChecks(query, columns);
        if (residual.HasRange)
        {
            terms.Add(filters.OverlappingWeeks(residual.From, residual.To));
        }

        plan = new InboxQueryPlan(query, place, InboxCells.Of(place, chats, query.Statuses, priorities), terms, extras, residual, assignedOrder);
        return terms.TrueForAll(t => t.Length > 0);
    }

    /// <summary>The place a view lists: Trash, Spam, or the inbox for All, Chats and Tickets.</summary>
    public static int PlaceOf(InboxView view) => view switch
    {
        InboxView.Trash => (int)BinState.Trashed,
        InboxView.Spam => (int)BinState.Spam,
        _ => (int)BinState.Inbox,
    };
}
