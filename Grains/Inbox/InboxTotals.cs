using System.Numerics;

namespace Conversations.Grains.Inbox;

/// <summary>
/// How many rows match a plan. Rows are tallied per cell overall and per day of their update (besides the tallies of the
/// filter sets), so most totals are sums over the query's cells; a range adds whole weeks, whole days at its ends, and
/// walks the keys of at most two partial days. Totals that tallies cannot give count the fused candidates.
/// </summary>
internal sealed class InboxTotals(InboxFilterSets filters, InboxListOrders orders)
{
    /// <summary>Every listed row per cell (place, kind, status, priority).</summary>
    private readonly Tally _all = new();
    private readonly Dictionary<long, Tally> _byDay = [];

    /// <summary>Counts (or uncounts) a listed row of this cell updated at <paramref name="updated"/> ticks.</summary>
    public void Add(byte cell, long updated, bool on)
    {
        _all.Add(cell, on ? 1 : -1);
        var day = updated / TimeSpan.TicksPerDay;
        if (!_byDay.TryGetValue(day, out var tally))
        {
            _byDay[day] = tally = new Tally();
        }

        tally.Add(cell, on ? 1 : -1);
    }

    /// <summary>
    /// The total of a <see cref="InboxQueryPlan.Tallied"/> plan (every filter a view, status, one assignee, one tag, a message-count
    /// threshold or an updated range, not with another of these), at one priority (all when negative): the rows counted per cell
    /// by the one set involved, so no row is visited (but for a range's partial days).
    /// </summary>
    public long Tallied(InboxQueryPlan plan, int priority)
    {
        if (!plan.Residual.HasRange)
        {
            return (plan.Extras.Count == 0 ? _all : plan.Extras[0][0].Tally!).Sum(plan.Cells, priority);
        }

        var (from, to) = (plan.Residual.From, plan.Residual.To);
        var firstWeek = (from + InboxFilterSets.TicksPerWeek - 1) / InboxFilterSets.TicksPerWeek;
        var lastWeek = ((to + 1) / InboxFilterSets.TicksPerWeek) - 1;
        if (firstWeek > lastWeek)
        {
            return CountDays(plan, priority, from, to);
        }

        return filters.SumWeeks(firstWeek, lastWeek, plan.Cells, priority)
            + CountDays(plan, priority, from, (firstWeek * InboxFilterSets.TicksPerWeek) - 1)
            + CountDays(plan, priority, (lastWeek + 1) * InboxFilterSets.TicksPerWeek, to);
    }

    /// <summary>
    /// The total when some candidates need checking. With only an updated range: candidates in weeks wholly inside it count
    /// at once, and the rest of the range is walked in list order (it is sorted by update), checking each key
    /// against the candidates. A minimum message count between thresholds checks every candidate row.
    /// </summary>
    public long Checked(InboxQueryPlan plan, Candidates candidates, Span<ulong> whole)
    {
        long count = 0;
        var residual = plan.Residual;
        if (!residual.OnlyRange)
        {
            foreach (var i in candidates.Touched)
            {
                for (var word = candidates.Words[i]; word != 0; word &= word - 1)
                {
                    if (residual.Matches((i << 6) + BitOperations.TrailingZeroCount(word)))
                    {
                        count++;
                    }
                }
            }

            return count;
        }

        var (from, to) = (residual.From, residual.To);
        if (filters.OrWeeksWithin(from, to, whole) is not { } weeks)
        {
            return CountKeys(plan, -1, from, to, candidates);
        }

        foreach (var i in candidates.Touched)
        {
            count += BitOperations.PopCount(candidates.Words[i] & whole[i]);
        }

        // The stretches of the range before and after its whole weeks.
        return count
            + CountKeys(plan, -1, (weeks.Last + 1) * InboxFilterSets.TicksPerWeek, to, candidates)
            + CountKeys(plan, -1, from, (weeks.First * InboxFilterSets.TicksPerWeek) - 1, candidates);
    }

    /// <summary>Rows updated in [from, to] (less than two weeks): whole days from their tallies, the partial days by walking their keys.</summary>
    private long CountDays(InboxQueryPlan plan, int priority, long from, long to)
    {
        if (from > to)
        {
            return 0;
        }

        var firstDay = (from + TimeSpan.TicksPerDay - 1) / TimeSpan.TicksPerDay;
        var lastDay = ((to + 1) / TimeSpan.TicksPerDay) - 1;
        if (firstDay > lastDay)
        {
            return CountKeys(plan, priority, from, to);
        }

        long count = 0;
        for (var day = firstDay; day <= lastDay; day++)
        {
            count += _byDay.GetValueOrDefault(day)?.Sum(plan.Cells, priority) ?? 0;
        }

        return count + CountKeys(plan, priority, from, (firstDay * TimeSpan.TicksPerDay) - 1) + CountKeys(plan, priority, (lastDay + 1) * TimeSpan.TicksPerDay, to);
    }

    /// <summary>Keys updated in [from, to] of the plan's cells (or among the candidates), found by walking that stretch of the list order.</summary>
    private long CountKeys(InboxQueryPlan plan, int priority, long from, long to, Candidates? candidates = null)
    {
        long count = 0;
        if (from > to)
        {
            return count;
        }

        var order = orders.Of(plan.Place, priority);
        foreach (var segment in order.Segments(order.Seek(InboxKey.FirstUpdatedAtOrBefore(to), strictlyAfter: false)))
        {
            foreach (var key in segment)
            {
                if (key.Updated < from)
                {
                    return count;
                }

                if (candidates is { } c ? c.Contains(key.Slot) : plan.Cells.Contains(key.Cell))
                {
                    count++;
                }
            }
        }

        return count;
    }
}
