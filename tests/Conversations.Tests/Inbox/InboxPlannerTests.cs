using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using static Conversations.Tests.Inbox.InboxTestRows;

namespace Conversations.Tests.Inbox;

/// <summary>INB-4: which sets a query starts from, whether its total comes from tallies, and what is left to check per row.</summary>
[Trait("Spec", "INB-4")]
public sealed class InboxPlannerTests
{
    private readonly InboxIndex _index = new("p");

    public InboxPlannerTests()
    {
        _index.Upsert(Row(1, assignee: "agent-1", tags: ["vip"], messages: 20));
        _index.Upsert(Row(2, assignee: "agent-1", tags: ["bug"], messages: 21));
        _index.Upsert(Row(3, assignee: "agent-2", place: BinState.Trashed));
        _index.Upsert(Row(4, kind: ConversationKind.Chat, status: InboxStatus.Closed));
    }

    public static TheoryData<string, InboxQuery, bool> Queries() => new()
    {
        { "view and statuses", new InboxQuery(InboxView.Tickets, Statuses: [InboxStatus.Open, InboxStatus.Pending]), true },
        { "one assignee", new InboxQuery(Assignee: "agent-1"), true },
        { "one tag", new InboxQuery(Tags: ["vip"]), true },
        { "a threshold", new InboxQuery(MinMessages: 20), true },
        { "a range", new InboxQuery(UpdatedFrom: Monday, UpdatedTo: Monday.AddDays(9)), true },
        { "a minimum between thresholds", new InboxQuery(MinMessages: 21), false },
        { "two tags", new InboxQuery(Tags: ["vip", "bug"]), false },
        { "an assignee and a tag", new InboxQuery(Assignee: "agent-1", Tags: ["vip"]), false },
        { "a tag and a range", new InboxQuery(Tags: ["vip"], UpdatedFrom: Monday), false },
    };

    [Theory, MemberData(nameof(Queries))]
    public void INB4_totals_come_from_tallies_only_for_one_set_beyond_view_and_status(string name, InboxQuery query, bool tallied)
    {
        Assert.True(_index.Planner.TryPlan(query, out var plan), name);
        Assert.Equal(tallied, plan.Tallied);
    }

    [Fact]
    public void INB4_the_cells_are_the_view_statuses_and_priorities()
    {
        Assert.True(_index.Planner.TryPlan(new InboxQuery(InboxView.Tickets, Statuses: [InboxStatus.Open], Priorities: [Grains.Interfaces.Tickets.TicketPriority.Medium]), out var plan));
        Assert.True(plan.Cells.Contains(InboxCells.Of((int)BinState.Inbox, chat: false, (int)InboxStatus.Open, 3)));
        Assert.False(plan.Cells.Contains(InboxCells.Of((int)BinState.Inbox, chat: false, (int)InboxStatus.Open, 4)));
        Assert.False(plan.Cells.Contains(InboxCells.Of((int)BinState.Inbox, chat: false, (int)InboxStatus.Closed, 3)));
        Assert.False(plan.Cells.Contains(InboxCells.Of((int)BinState.Trashed, chat: false, (int)InboxStatus.Open, 3)));
        Assert.False(plan.Cells.Contains(InboxCells.Of((int)BinState.Inbox, chat: true, (int)InboxStatus.Open, 0)));
        Assert.Equal(4, plan.Terms.Count);
    }

    [Theory]
    [InlineData("nobody", null)]
    [InlineData(null, "no-such-tag")]
    public void INB4_an_unknown_assignee_or_tag_plans_nothing_and_matches_nothing(string? assignee, string? tag)
    {
        var query = new InboxQuery(Assignee: assignee, Tags: tag is null ? null : [tag]);
        Assert.False(_index.Planner.TryPlan(query, out _));
        var page = _index.QueryKeys(query);
        Assert.Empty(page.Keys);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public void INB4_a_range_with_no_week_of_rows_plans_nothing()
    {
        Assert.False(_index.Planner.TryPlan(new InboxQuery(UpdatedFrom: Monday.AddYears(1)), out _));
    }

    [Fact]
    public void INB4_an_assignee_starts_from_their_own_keys_in_the_views_place()
    {
        Assert.True(_index.Planner.TryPlan(new InboxQuery(Assignee: "agent-1"), out var inbox));
        Assert.Equal(2, inbox.Assigned?.Count);
        Assert.True(_index.Planner.TryPlan(new InboxQuery(InboxView.Trash, Assignee: "agent-1"), out var trash));
        Assert.Equal(0, trash.Assigned?.Count);
        Assert.True(_index.Planner.TryPlan(new InboxQuery(InboxView.Trash, Assignee: "agent-2"), out var other));
        Assert.Equal(1, other.Assigned?.Count);
        Assert.True(_index.Planner.TryPlan(new InboxQuery(), out var none));
        Assert.Null(none.Assigned);
    }

    [Fact]
    public void INB4_a_minimum_between_thresholds_starts_from_the_lower_threshold_and_checks_each_row()
    {
        Assert.True(_index.Planner.TryPlan(new InboxQuery(MinMessages: 21), out var plan));
        Assert.Same(_index.Filters.AtLeast(20), Assert.Single(Assert.Single(plan.Extras)));
        Assert.False(plan.Residual.None);
        Assert.False(plan.Residual.OnlyRange);
        var page = _index.QueryKeys(new InboxQuery(MinMessages: 21));
        Assert.Equal(1, page.Total);
        Assert.Equal(Monday.AddMinutes(2).UtcTicks, Assert.Single(page.Keys).UpdatedTicks);
    }

    [Fact]
    public void INB4_a_threshold_itself_needs_no_check()
    {
        Assert.True(_index.Planner.TryPlan(new InboxQuery(MinMessages: 20), out var plan));
        Assert.True(plan.Residual.None);
        Assert.Equal(2, _index.QueryKeys(new InboxQuery(MinMessages: 20)).Total);
    }
}
