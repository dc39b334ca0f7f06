using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>Merges the shards' pages into one: totals add up, rows are put in list order and cut at the limit.</summary>
public static class InboxPages
{
    /// <summary>Each shard's rows come in list order, so the pages merge by repeatedly taking the smallest head.</summary>
    public static InboxPage Merge(InboxQuery query, IEnumerable<InboxPage> shardPages)
    {
        var limit = Math.Clamp(query.Limit, 1, InboxQuery.MaxLimit);
        var compare = Comparer(query.Sort);
        var pages = shardPages.ToList();
        var heads = new int[pages.Count];
        var rows = new List<InboxRow>(limit);
        var more = false;
        while (true)
        {
            var best = -1;
            for (var p = 0; p < pages.Count; p++)
            {
                if (heads[p] < pages[p].Rows.Count && (best < 0 || compare(pages[p].Rows[heads[p]], pages[best].Rows[heads[best]]) < 0))
                {
                    best = p;
                }
            }

            if (best < 0 || rows.Count == limit)
            {
                more = best >= 0;
                break;
            }

            rows.Add(pages[best].Rows[heads[best]++]);
        }

        return new InboxPage(rows, pages.Sum(p => p.Total), more ? CursorOf(rows[^1], query.Sort) : null);
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
