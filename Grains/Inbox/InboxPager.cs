using System.Numerics;
using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>
/// The keys of a page: up to a number of matches after the cursor in list order, priority level by level. A level either
/// walks its list order from the cursor, or, when few rows match, picks the best of its matches; an assignee's list sorted by
/// update walks that assignee's own keys.
/// </summary>
internal sealed class InboxPager(InboxColumns columns, InboxFilterSets filters, InboxListOrders orders, InboxTotals totals)
{
    /// <summary>How much dearer a row read at random is than a key read in sequence (bench/Inbox.Bench).</summary>
    public const long SelectCostRatio = 32;

    /// <summary>The levels of a list sorted by priority, highest first; sorted by update it has one level, all priorities (-1).</summary>
    private static readonly int[] PriorityLevels = [.. Enumerable.Range(0, InboxCells.Priorities).Reverse()], UpdateLevels = [-1];

    /// <summary>
    /// Up to <paramref name="take"/> matching keys after the cursor in list order, priority level by level (one level when sorting by update,
    /// with <paramref name="unsortedCount"/> candidates).
    /// Without <paramref name="candidates"/> the plan is tallied: a key matches by its cell and the bits of its filters.
    /// </summary>
    public List<InboxKey> Page(InboxQueryPlan plan, Candidates? candidates, long unsortedCount, int take)
    {
        var query = plan.Query;
        var keys = new List<InboxKey>(take);
        foreach (var level in query.Sort == InboxSort.Priority ? PriorityLevels : UpdateLevels)
        {
            if (query.After is { } after && query.Sort == InboxSort.Priority && level > after.Priority)
            {
                continue;
            }

            var levelCount = level < 0 ? unsortedCount : candidates is { } c ? c.Count(filters.Priority(level)) : totals.Tallied(plan, level);
            if (levelCount == 0)
            {
                continue;
            }

            var cursor = query.After is { } a && (level < 0 || level == a.Priority)
                ? new InboxKey(a.UpdatedTicks, a.Id, 0, 0)
                : (InboxKey?)null;
            var need = take - keys.Count;
            var order = orders.Of(plan.Place, level);
            // Walking the list order meets a match about every order.Count / levelCount keys, reading keys in sequence; picking the best
            // of the matches reads about levelCount rows at random places, measured some 30 times dearer per row on a big shard.
            if (WorthSelecting(levelCount, need, order.Count))
            {
                SelectBest(plan, candidates, level < 0 ? null : filters.Priority(level), cursor, need, keys);
            }
            else
            {
                Walk(plan, order, candidates, cursor, need, keys);
            }

            if (keys.Count >= take)
            {
                break;
            }
        }

        return keys;
    }

    /// <summary>
    /// An assignee's list sorted by update: their keys in the view's place, read in sequence. Its total comes from the tallies
    /// when that is exact; otherwise the walk goes on over the whole range (an assignee's share of the place) counting matches.
    /// </summary>
    public InboxKeyPage AssigneeKeys(InboxQueryPlan plan, SortedKeys order, int take)
    {
        var residual = plan.Residual;
        var others = plan.Extras.GetRange(1, plan.Extras.Count - 1);
        var cursor = plan.Query.After is { } a ? new InboxKey(a.UpdatedTicks, a.Id, 0, 0) : (InboxKey?)null;
        var tallied = plan.Tallied;
        var keys = new List<InboxKey>(take);
        long count = 0;
        foreach (var segment in order.Segments(order.Seek(InboxKey.FirstUpdatedAtOrBefore(residual.To), strictlyAfter: false)))
        {
            foreach (var key in segment)
            {
                if (key.Updated < residual.From || (tallied && keys.Count == take))
                {
                    return new InboxKeyPage(Cursors(keys, InboxSort.Updated), tallied ? totals.Tallied(plan, -1) : count);
                }

                if (!plan.Cells.Contains(key.Cell) || !BitmapFusion.InAll(others, key.Slot) || !(residual.OnlyRange || residual.Matches(key.Slot)))
                {
                    continue;
                }

                count++;
                if (keys.Count < take && (cursor is not { } c || key.CompareTo(c) > 0))
                {
                    keys.Add(key);
                }
            }
        }

        return new InboxKeyPage(Cursors(keys, InboxSort.Updated), tallied ? totals.Tallied(plan, -1) : count);
    }

    /// <summary>Whether picking the best of <paramref name="matches"/> rows costs less than walking a list of <paramref name="listed"/> keys for <paramref name="need"/> of them.</summary>
    public static bool WorthSelecting(long matches, int need, int listed) => matches * matches * SelectCostRatio <= (long)need * listed;

    /// <summary>The keys as the cursors a page hands out (the priority only when sorting by it).</summary>
    public static List<InboxCursor> Cursors(List<InboxKey> keys, InboxSort sort) =>
        keys.ConvertAll(key => new InboxCursor(sort == InboxSort.Priority ? key.Cell % InboxCells.Priorities : 0, key.Updated, key.Id));

    /// <summary>Adds the <paramref name="need"/> first matches in list order, keeping only the best so far (no sort of all matches).</summary>
    private void SelectBest(InboxQueryPlan plan, Candidates? candidates, Bitmap? level, InboxKey? cursor, int need, List<InboxKey> keys)
    {
        var best = new BestKeys(need);
        if (candidates is { } matches)
        {
            foreach (var i in matches.Touched)
            {
                Offer(plan, matches.Words[i] & (level?.Word(i) ?? ulong.MaxValue), i, cursor, best);
            }
        }
        else
        {
            List<Bitmap[]> terms = level is null ? plan.Terms : [.. plan.Terms, [level]];
            using var buffers = new FusionBuffers(columns.Count);
            var fused = buffers.Fuse(terms);
            foreach (var i in fused.Touched)
            {
                Offer(plan, fused.Words[i], i, cursor, best);
            }
        }

        keys.AddRange(best.Keys());
    }

    private void Offer(InboxQueryPlan plan, ulong word, int index, InboxKey? cursor, BestKeys best)
    {
        for (; word != 0; word &= word - 1)
        {
            var slot = (index << 6) + BitOperations.TrailingZeroCount(word);
            if (!best.MayTake(columns.Updated(slot)) || !(plan.Residual.None || plan.Residual.Matches(slot)))
            {
                continue;
            }

            var key = columns.KeyOf(slot);
            if (cursor is not { } c || key.CompareTo(c) > 0)
            {
                best.Offer(key);
            }
        }
    }

    private static void Walk(InboxQueryPlan plan, SortedKeys order, Candidates? candidates, InboxKey? cursor, int need, List<InboxKey> keys)
    {
        var residual = plan.Residual;
        var upper = InboxKey.FirstUpdatedAtOrBefore(residual.To);
        var start = cursor is { } c && c.CompareTo(upper) >= 0 ? order.Seek(c, strictlyAfter: true) : order.Seek(upper, strictlyAfter: false);
        var found = 0;
        foreach (var segment in order.Segments(start))
        {
            foreach (var key in segment)
            {
                if (key.Updated < residual.From)
                {
                    return;
                }

                var matches = candidates is { } m
                    ? m.Contains(key.Slot) && (residual.None || residual.Matches(key.Slot))
                    : plan.Cells.Contains(key.Cell) && BitmapFusion.InAll(plan.Extras, key.Slot);
                if (matches)
                {
                    keys.Add(key);
                    if (++found == need)
                    {
                        return;
                    }
                }
            }
        }
    }
}
