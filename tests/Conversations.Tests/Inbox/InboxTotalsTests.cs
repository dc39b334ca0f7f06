using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using static Conversations.Tests.Inbox.InboxTestRows;

namespace Conversations.Tests.Inbox;

/// <summary>INB-2/INB-4: the tallies behind totals follow every upsert, move, reassignment and purge, and ranges add up.</summary>
[Trait("Spec", "INB-2"), Trait("Spec", "INB-4")]
public sealed class InboxTotalsTests
{
    private readonly InboxIndex _index = new("p");

    private long Tallied(InboxQuery query, int priority = -1)
    {
        Assert.True(_index.Planner.TryPlan(query, out var plan));
        Assert.True(plan.Tallied);
        return _index.Totals.Tallied(plan, priority);
    }

    [Fact]
    public void INB2_tallies_follow_a_row_through_update_move_reassignment_and_purge()
    {
        var id = Guid.NewGuid();
        _index.Upsert(Row(10, assignee: "agent-1", tags: ["vip"], priority: 4));
        _index.Upsert(Row(20, assignee: "agent-1", tags: ["vip"], priority: 4, id: id));
        Assert.Equal(2, Tallied(new InboxQuery()));
        Assert.Equal(2, Tallied(new InboxQuery(Assignee: "agent-1")));
        Assert.Equal(2, Tallied(new InboxQuery(Tags: ["vip"]), priority: 4));

        Assert.True(_index.Upsert(Row(30, status: InboxStatus.Pending, assignee: "agent-2", tags: ["bug"], priority: 2, version: 2, id: id)));
        Assert.Equal(1, Tallied(new InboxQuery(Assignee: "agent-1")));
        Assert.Equal(1, Tallied(new InboxQuery(Assignee: "agent-2")));
        Assert.Equal(1, Tallied(new InboxQuery(Tags: ["vip"])));
        Assert.Equal(1, Tallied(new InboxQuery(Tags: ["bug"]), priority: 2));
        Assert.Equal(0, Tallied(new InboxQuery(Tags: ["bug"]), priority: 4));
        Assert.Equal(1, Tallied(new InboxQuery(Statuses: [InboxStatus.Pending])));

        Assert.True(_index.Upsert(Row(40, place: BinState.Trashed, assignee: "agent-2", version: 3, id: id)));
        Assert.Equal(1, Tallied(new InboxQuery()));
        Assert.Equal(1, Tallied(new InboxQuery(InboxView.Trash)));
        Assert.Equal(0, Tallied(new InboxQuery(Assignee: "agent-2")));
        Assert.Equal(1, Tallied(new InboxQuery(InboxView.Trash, Assignee: "agent-2")));

        Assert.True(_index.Upsert(Row(50, place: BinState.Purged, version: 4, id: id)));
        Assert.Equal(0, Tallied(new InboxQuery(InboxView.Trash)));
        Assert.Equal(0, Tallied(new InboxQuery(InboxView.Trash, Assignee: "agent-2")));
        Assert.Equal(1, Tallied(new InboxQuery()));
        Assert.Equal(0, _index.Filters.Place((int)BinState.Trashed).Count);
        Assert.Equal(2, _index.Count);
        Assert.Equal(BinState.Purged, _index.Get(id)?.Place);
    }

    [Fact]
    public void INB2_a_stale_version_changes_no_tally()
    {
        var id = Guid.NewGuid();
        _index.Upsert(Row(10, status: InboxStatus.Open, version: 5, id: id));
        Assert.False(_index.Upsert(Row(20, status: InboxStatus.Closed, version: 5, id: id)));
        Assert.False(_index.Upsert(Row(20, status: InboxStatus.Closed, version: 4, id: id)));
        Assert.Equal(1, Tallied(new InboxQuery(Statuses: [InboxStatus.Open])));
        Assert.Equal(0, Tallied(new InboxQuery(Statuses: [InboxStatus.Closed])));
    }

    [Theory]
    [InlineData(0, 40 * 24 * 60)]
    [InlineData(7 * 24 * 60, 21 * 24 * 60 - 1)]
    [InlineData(3 * 24 * 60 + 17, 19 * 24 * 60 + 5)]
    [InlineData(24 * 60, 2 * 24 * 60)]
    [InlineData(95, 1000)]
    [InlineData(5 * 24 * 60, 5 * 24 * 60)]
    public void INB4_a_range_is_whole_weeks_whole_days_and_partial_days_and_agrees_with_counting_rows(int fromMinute, int toMinute)
    {
        var rows = new List<InboxRow>();
        for (var minute = 0; minute < 35 * 24 * 60; minute += 97)
        {
            var row = Row(minute, status: minute % 3 == 0 ? InboxStatus.Closed : InboxStatus.Open, tags: minute % 2 == 0 ? ["vip"] : null);
            rows.Add(row);
            _index.Upsert(row);
        }

        var onTheMinute = Row(5 * 24 * 60);
        _index.Upsert(onTheMinute);
        rows.Add(onTheMinute);
        var (from, to) = (Monday.AddMinutes(fromMinute), Monday.AddMinutes(toMinute));
        bool InRange(InboxRow r) => r.UpdatedAt >= from && r.UpdatedAt <= to;

        Assert.Equal(rows.Count(r => InRange(r) && r.Status == InboxStatus.Open), Tallied(new InboxQuery(Statuses: [InboxStatus.Open], UpdatedFrom: from, UpdatedTo: to)));
        Assert.Equal(rows.Count(r => InRange(r) && r.Tags.Contains("vip")), _index.QueryKeys(new InboxQuery(Tags: ["vip"], UpdatedFrom: from, UpdatedTo: to)).Total);
    }
}
