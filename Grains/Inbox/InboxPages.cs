using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>Merges the shards' pages into one: totals add up, rows are put in list order and cut at the limit.</summary>
public static class InboxPages
{
    public static InboxPage Merge(InboxQuery query, IEnumerable<InboxPage> shardPages)
    {
        var limit = Math.Clamp(query.Limit, 1, InboxQuery.MaxLimit);
        long total = 0;
        var rows = new List<InboxRow>();
        foreach (var page in shardPages)
        {
            total += page.Total;
            rows.AddRange(page.Rows);
        }

        rows.Sort(Comparer(query.Sort));
        var next = rows.Count > limit ? CursorOf(rows[limit - 1], query.Sort) : null;
        return new InboxPage(rows.Count > limit ? rows[..limit] : rows, total, next);
    }

    public static InboxCursor CursorOf(InboxRow row, InboxSort sort) =>
        new(sort == InboxSort.Priority ? row.Priority : 0, row.UpdatedAt.UtcTicks, row.Id);

    /// <summary>The list order: by priority (highest first) when asked, then newest update first, then by id.</summary>
    public static Comparison<InboxRow> Comparer(InboxSort sort) => (a, b) =>
    {
        var byPriority = sort == InboxSort.Priority ? b.Priority.CompareTo(a.Priority) : 0;
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byTime = b.UpdatedAt.UtcTicks.CompareTo(a.UpdatedAt.UtcTicks);
        return byTime != 0 ? byTime : a.Id.CompareTo(b.Id);
    };
}
