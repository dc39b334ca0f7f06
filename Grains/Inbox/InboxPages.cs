using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>
/// Builds one page from the shards: their keys merge (totals add up, keys in list order, cut at the limit),
/// then the rows of the kept keys are put in that order.
/// </summary>
public static class InboxPages
{
    /// <summary>
    /// How many rows a shard sends with its keys: twice its even share of a page, so that a page whose rows are
    /// spread over the shards as conversation ids spread (evenly) needs no second round.
    /// </summary>
    public static int LeadingRowsPerShard(int limit) => (2 * Math.Clamp(limit, 1, InboxQuery.MaxLimit) / InboxShards.Count) + 1;

    /// <summary>Each shard's keys come in list order, so they merge by repeatedly taking the smallest head.</summary>
    public static MergedKeys Merge(InboxQuery query, IReadOnlyList<InboxKeyPage> shardPages)
    {
        var limit = Math.Clamp(query.Limit, 1, InboxQuery.MaxLimit);
        var heads = new int[shardPages.Count];
        var keys = new List<InboxCursor>(limit);
        var more = false;
        while (true)
        {
            var best = -1;
            for (var p = 0; p < shardPages.Count; p++)
            {
                if (heads[p] < shardPages[p].Keys.Count && (best < 0 || Compare(shardPages[p].Keys[heads[p]], shardPages[best].Keys[heads[best]]) < 0))
                {
                    best = p;
                }
            }

            if (best < 0 || keys.Count == limit)
            {
                more = best >= 0;
                break;
            }

            keys.Add(shardPages[best].Keys[heads[best]++]);
        }

        return new MergedKeys(keys, shardPages.Sum(p => p.Total), more ? keys[^1] : null);
    }

    /// <summary>
    /// The page: the rows in the order of their keys. A row read after its key may have changed since (it is
    /// shown as it is now) or be gone (left out); the live events correct the list either way.
    /// </summary>
    public static InboxPage Assemble(MergedKeys keys, IEnumerable<InboxRow> rows)
    {
        var byId = rows.ToDictionary(r => r.Id);
        return new InboxPage(keys.Keys.Select(k => byId.GetValueOrDefault(k.Id)).OfType<InboxRow>().ToList(), keys.Total, keys.Next);
    }

    /// <summary>Both steps over indexes in this process (tests and benchmarks); <paramref name="shardOf"/> routes an id to its index.</summary>
    public static InboxPage Query(InboxQuery query, IReadOnlyList<InboxIndex> shards, Func<Guid, int> shardOf)
    {
        var keys = Merge(query, shards.Select(s => s.QueryKeys(query)).ToList());
        return Assemble(keys, keys.Keys.GroupBy(k => shardOf(k.Id)).SelectMany(g => shards[g.Key].Rows(g.Select(k => k.Id))));
    }

    /// <summary>The list order: by priority (highest first; the same for all keys when sorting by update), then newest update first, then by id.</summary>
    private static int Compare(InboxCursor a, InboxCursor b)
    {
        var byPriority = b.Priority.CompareTo(a.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byTime = b.UpdatedTicks.CompareTo(a.UpdatedTicks);
        return byTime != 0 ? byTime : a.Id.CompareTo(b.Id);
    }
}
