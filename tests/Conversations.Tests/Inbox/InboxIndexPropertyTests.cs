using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Tests.Inbox;

/// <summary>
/// INB-2/INB-4 against the reference: random rows (with stale and repeated versions) go into the index,
/// then random queries (views, every filter alone and combined, both sorts, random page sizes) and the
/// pages that follow their cursors must equal plain LINQ over the latest rows.
/// </summary>
public sealed class InboxIndexPropertyTests
{
    [Theory, Trait("Spec", "INB-4"), Trait("Spec", "INB-2")]
    [InlineData(1, 6000, 1)]
    [InlineData(2, 3000, InboxShards.Count)]
    [InlineData(3, 400, 4)]
    public void INB4_random_queries_over_sharded_indexes_agree_with_the_linq_reference(int seed, int conversations, int shards)
    {
        var generator = new InboxRowGenerator(seed);
        var indexes = Enumerable.Range(0, shards).Select(_ => new InboxIndex("p")).ToArray();
        var latest = new Dictionary<Guid, InboxRow>();
        var ids = Enumerable.Range(0, conversations).Select(_ => generator.NewId()).ToList();
        for (var step = 0; step < conversations * 3; step++)
        {
            var id = ids[generator.Random.Next(ids.Count)];
            var version = latest.TryGetValue(id, out var known) ? known.Version + generator.Random.Next(-1, 3) : 1;
            var row = generator.Row(id, Math.Max(1, version));
            var applied = indexes[InboxShards.Of(id) % shards].Upsert(row);
            Assert.Equal(known is null || row.Version > known.Version, applied);
            if (applied)
            {
                latest[id] = row;
            }
        }

        var rows = latest.Values.ToList();
        var pagesCompared = 0;
        for (var q = 0; q < 600; q++)
        {
            var query = generator.Query();
            var expected = InboxReference.All(rows, query);
            var cursor = (InboxCursor?)null;
            for (var pageNumber = 0; pageNumber < 3; pageNumber++)
            {
                var paged = query with { After = cursor };
                var page = InboxPages.Query(paged, indexes, id => InboxShards.Of(id) % shards);
                var want = InboxReference.After(expected, cursor, query.Sort).Take(query.Limit).Select(r => r.Id).ToList();
                Assert.True(expected.Count == page.Total, $"query {q} {query}: total {page.Total}, expected {expected.Count}");
                Assert.True(want.SequenceEqual(page.Rows.Select(r => r.Id)), $"query {q} page {pageNumber} {query}");
                Assert.All(page.Rows, r => Assert.Equal(latest[r.Id] with { Tags = r.Tags }, r));
                Assert.All(page.Rows, r => Assert.Equal(latest[r.Id].Tags, r.Tags));
                pagesCompared++;
                cursor = page.Next;
                if (cursor is null)
                {
                    Assert.True(InboxReference.After(expected, paged.After, query.Sort).Count() <= query.Limit);
                    break;
                }
            }
        }

        Assert.True(pagesCompared >= 600);
    }
}
