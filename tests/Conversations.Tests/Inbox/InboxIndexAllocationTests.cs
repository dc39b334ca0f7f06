using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Inbox;
using static Conversations.Tests.Inbox.InboxTestRows;

namespace Conversations.Tests.Inbox;

/// <summary>INB-6: every change of a conversation upserts its row, so re-indexing a row must not allocate (1M rows per property).</summary>
[Trait("Spec", "INB-6")]
public sealed class InboxIndexAllocationTests
{
    [Fact]
    public void INB6_re_indexing_rows_that_change_status_and_assignee_allocates_nothing_per_row()
    {
        var index = new InboxIndex("p");
        var ids = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();
        const int Rounds = 40;
        // Built beforehand: the rows are what the caller allocates, not the index. Same update times, so no new day or week appears.
        var rows = Enumerable.Range(1, Rounds).SelectMany(version => ids.Select((id, i) => Row(
            i, status: (version + i) % 2 == 0 ? InboxStatus.Open : InboxStatus.Pending, assignee: (version + i) % 3 == 0 ? "agent-1" : "agent-2",
            messages: 1 + ((version + i) % 4), version: version, id: id))).ToList();
        var warmUp = rows.Count / 2;
        for (var r = 0; r < warmUp; r++)
        {
            Assert.True(index.Upsert(rows[r]));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var r = warmUp; r < rows.Count; r++)
        {
            index.Upsert(rows[r]);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < rows.Count - warmUp, $"{allocated} bytes for {rows.Count - warmUp} upserts");
        Assert.Equal(Rounds, index.Get(ids[0])?.Version);
    }
}
