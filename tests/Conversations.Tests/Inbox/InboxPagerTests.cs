using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using static Conversations.Tests.Inbox.InboxTestRows;

namespace Conversations.Tests.Inbox;

/// <summary>INB-4: a shard's page of keys, at the boundaries of cursors, ties, ranges and priority levels, by walking or by picking the best.</summary>
[Trait("Spec", "INB-4")]
public sealed class InboxPagerTests
{
    private readonly InboxIndex _index = new("p");

    private List<InboxRow> Add(IEnumerable<InboxRow> rows)
    {
        var added = rows.ToList();
        added.ForEach(r => _index.Upsert(r));
        return added;
    }

    /// <summary>The keys of one shard's page as the ids they point at.</summary>
    private List<Guid> Ids(InboxQuery query) => [.. _index.QueryKeys(query).Keys.Select(k => k.Id)];

    private static InboxCursor CursorOf(InboxRow row, InboxSort sort = InboxSort.Updated) =>
        new(sort == InboxSort.Priority ? row.Priority : 0, row.UpdatedAt.UtcTicks, row.Id);

    [Fact]
    public void INB4_a_page_holds_limit_plus_one_keys_and_the_next_starts_strictly_after_the_cursor()
    {
        var rows = Add(Enumerable.Range(1, 7).Select(m => Row(m)));
        var newestFirst = rows.OrderByDescending(r => r.UpdatedAt).Select(r => r.Id).ToList();

        Assert.Equal(newestFirst.Take(4), Ids(new InboxQuery(Limit: 3)));
        Assert.Equal(newestFirst.Skip(3).Take(4), Ids(new InboxQuery(Limit: 3, After: CursorOf(rows[^3]))));
        Assert.Equal(newestFirst.Skip(6), Ids(new InboxQuery(Limit: 3, After: CursorOf(rows[1]))));
        Assert.Empty(Ids(new InboxQuery(Limit: 3, After: CursorOf(rows[0]))));
        Assert.Equal(7, _index.QueryKeys(new InboxQuery(Limit: 3, After: CursorOf(rows[0]))).Total);
    }

    [Fact]
    public void INB4_rows_updated_together_are_in_id_order_and_a_cursor_between_them_splits_them()
    {
        var ties = Add(Enumerable.Range(0, 5).Select(_ => Row(10))).OrderBy(r => r.Id).ToList();
        Assert.Equal(ties.Select(r => r.Id), Ids(new InboxQuery()));
        Assert.Equal(ties.Skip(2).Select(r => r.Id), Ids(new InboxQuery(After: CursorOf(ties[1]))));
    }

    [Fact]
    public void INB4_a_range_includes_both_of_its_ends()
    {
        var rows = Add(Enumerable.Range(1, 5).Select(m => Row(m)));
        var page = _index.QueryKeys(new InboxQuery(UpdatedFrom: rows[1].UpdatedAt, UpdatedTo: rows[3].UpdatedAt));
        Assert.Equal([rows[3].Id, rows[2].Id, rows[1].Id], page.Keys.Select(k => k.Id));
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public void INB4_sorted_by_priority_the_levels_go_highest_first_and_a_cursor_resumes_within_its_level()
    {
        var rows = Add([Row(1, priority: 2), Row(2, priority: 5), Row(3, priority: 3), Row(4, priority: 5), Row(5, priority: 3), Row(6, kind: ConversationKind.Chat)]);
        var expected = new[] { rows[3], rows[1], rows[4], rows[2], rows[0], rows[5] }.Select(r => r.Id).ToList();
        Assert.Equal(expected, Ids(new InboxQuery(Sort: InboxSort.Priority)));
        Assert.Equal(expected.Skip(3), Ids(new InboxQuery(Sort: InboxSort.Priority, After: CursorOf(rows[4], InboxSort.Priority))));
        Assert.Equal([5, 5, 3, 3, 2, 0], _index.QueryKeys(new InboxQuery(Sort: InboxSort.Priority)).Keys.Select(k => k.Priority));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(900)]
    public void INB4_picking_the_best_and_walking_the_list_give_the_same_page(int tagged)
    {
        var rows = Add(Enumerable.Range(0, 2000).Select(m => Row(m % 1500, priority: 1 + (m % 5), tags: m % (2000 / tagged) == 0 ? ["vip"] : null)));
        var matches = rows.Count(r => r.Tags.Count > 0);
        Assert.Equal(tagged <= 3, InboxPager.WorthSelecting(matches, 21, rows.Count));

        // Tallied plans pick from freshly fused terms, the others from the candidates their total was counted on.
        InboxQuery[] queries =
        [
            new(Tags: ["vip"], Limit: 20),
            new(Tags: ["vip", "nothing"], Limit: 20, Sort: InboxSort.Priority),
            new(Tags: ["vip"], MinMessages: 1, Limit: 20),
            new(Tags: ["vip"], MinMessages: 1, Limit: 20, Sort: InboxSort.Priority),
        ];
        foreach (var query in queries)
        {
            var expected = rows.Where(r => r.Tags.Count > 0)
                .OrderByDescending(r => query.Sort == InboxSort.Priority ? r.Priority : 0).ThenByDescending(r => r.UpdatedAt).ThenBy(r => r.Id)
                .Select(r => r.Id).Take(21).ToList();
            var page = _index.QueryKeys(query);
            Assert.Equal(expected, page.Keys.Select(k => k.Id));
            Assert.Equal(matches, page.Total);
        }
    }

    [Fact]
    public void INB4_an_assignee_with_another_filter_counts_their_matches_while_walking_their_keys()
    {
        var rows = Add(Enumerable.Range(0, 60).Select(m => Row(m, assignee: m % 2 == 0 ? "agent-1" : "agent-2", tags: m % 3 == 0 ? ["vip"] : null)));
        var expected = rows.Where(r => r.AssigneeId == "agent-1" && r.Tags.Count > 0).OrderByDescending(r => r.UpdatedAt).Select(r => r.Id).ToList();
        var query = new InboxQuery(Assignee: "agent-1", Tags: ["vip"], Limit: 4);
        Assert.True(_index.Planner.TryPlan(query, out var plan));
        Assert.False(plan.Tallied);

        var first = _index.QueryKeys(query);
        Assert.Equal(expected.Take(5), first.Keys.Select(k => k.Id));
        Assert.Equal(expected.Count, first.Total);
        var next = _index.QueryKeys(query with { After = first.Keys[3] });
        Assert.Equal(expected.Skip(4).Take(5), next.Keys.Select(k => k.Id));
        Assert.Equal(expected.Count, next.Total);
    }
}
