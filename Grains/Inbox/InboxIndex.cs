using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>
/// The rows of one inbox shard in memory (docs/inbox-read-model.md): <see cref="InboxColumns"/> hold them, one slot per
/// conversation; <see cref="InboxFilterSets"/> keep a bitmap per filterable value, <see cref="InboxTotals"/> the rows per cell,
/// and <see cref="InboxListOrders"/> the keys in list order. A query is planned (<see cref="InboxPlanner"/>), its total comes
/// from the tallies when they are exact, else from fused bitmaps (<see cref="BitmapFusion"/>), and its keys from
/// <see cref="InboxPager"/>; rows are read only for the keys a merged page keeps. Not thread-safe: its grain runs one call at a time.
/// </summary>
public sealed class InboxIndex
{
    private readonly InboxColumns _columns;
    private readonly InboxListOrders _orders = new();

    public InboxIndex(string propertyId = "")
    {
        _columns = new InboxColumns(propertyId);
        Totals = new InboxTotals(Filters, _orders);
        Planner = new InboxPlanner(_columns, Filters, _orders);
        Pager = new InboxPager(_columns, Filters, _orders, Totals);
    }

    /// <summary>Slots in use, purged tombstones included.</summary>
    public int Count => _columns.Count;

    internal InboxTotals Totals { get; }

    internal InboxPlanner Planner { get; }

    internal InboxPager Pager { get; }

    internal InboxFilterSets Filters { get; } = new();

    /// <summary>Stores the row unless this version (or a later one) is already here. Returns whether it changed anything.</summary>
    public bool Upsert(InboxRow row)
    {
        if (_columns.TryFind(row.Id, out var slot))
        {
            if (row.Version <= _columns.Version(slot))
            {
                return false;
            }

            Index(slot, false);
        }
        else
        {
            slot = _columns.Add(row.Id);
        }

        _columns.Write(slot, row);
        Index(slot, true);
        return true;
    }

    public InboxRow? Get(Guid id) => _columns.TryFind(id, out var slot) ? _columns.Row(slot) : null;

    /// <summary>Every row, purged tombstones included (a checkpoint keeps them so a stale row never comes back).</summary>
    public IEnumerable<InboxRow> All()
    {
        for (var slot = 0; slot < _columns.Count; slot++)
        {
            yield return _columns.Row(slot);
        }
    }

    /// <summary>
    /// The sort keys of up to Limit + 1 matching rows after the cursor, in list order, and the number of
    /// matching rows. Rows are read separately (<see cref="Rows"/>), only for the keys that make the merged page.
    /// </summary>
    public InboxKeyPage QueryKeys(InboxQuery query)
    {
        var take = Math.Clamp(query.Limit, 1, InboxQuery.MaxLimit) + 1;
        if (!Planner.TryPlan(query, out var plan))
        {
            return new InboxKeyPage([], 0);
        }

        if (plan.Assigned is { } assigned && query.Sort == InboxSort.Updated)
        {
            return Pager.AssigneeKeys(plan, assigned, take);
        }

        if (plan.Tallied)
        {
            var tallied = Totals.Tallied(plan, -1);
            return new InboxKeyPage(InboxPager.Cursors(Pager.Page(plan, null, tallied, take), query.Sort), tallied);
        }

        using var buffers = new FusionBuffers(_columns.Count);
        var candidates = buffers.Fuse(plan.Terms);
        var candidateCount = candidates.Count();
        var total = plan.Residual.None ? candidateCount : Totals.Checked(plan, candidates, buffers.Scratch);
        return new InboxKeyPage(InboxPager.Cursors(Pager.Page(plan, candidates, candidateCount, take), query.Sort), total);
    }

    /// <summary>The rows held for these ids, in the same order; ids not held are left out.</summary>
    public IReadOnlyList<InboxRow> Rows(IEnumerable<Guid> ids)
    {
        var rows = new List<InboxRow>();
        foreach (var id in ids)
        {
            if (_columns.TryFind(id, out var slot))
            {
                rows.Add(_columns.Row(slot));
            }
        }

        return rows;
    }

    /// <summary>Adds (or removes) a listed slot to (from) every bitmap and tally its values belong to, and its key to (from) the list orders.</summary>
    private void Index(int slot, bool on)
    {
        var fields = _columns.Fields(slot);
        if (!fields.Listed)
        {
            return;
        }

        Filters.Set(slot, on, _columns);
        Totals.Add(fields.Cell, _columns.Updated(slot), on);
        _orders.Set(_columns.KeyOf(slot), fields, _columns.Assignee(slot), on);
    }
}
