using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Search;
using Conversations.Infrastructure.Search;

namespace Conversations.Tests.Search;

/// <summary>SRCH-1 at the Lucene index: bounded work for very common words, and searches side by side with the writer.</summary>
[Trait("Spec", "SRCH-1")]
public sealed class ConversationSearchIndexTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "search-index-tests-" + Guid.NewGuid().ToString("N"));
    private readonly IConversationSearchIndex _index;

    public ConversationSearchIndexTests() => _index = new LuceneConversationSearchIndexFactory(root: _root).Create("p");

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void SRCH1_a_word_in_more_messages_than_are_ranked_says_its_total_is_a_lower_bound()
    {
        var conversation = Guid.NewGuid();
        for (var i = 1; i <= LuceneConversationSearchIndex.MaxRankedMatches + 10; i++)
        {
            _index.AddMessage(conversation, Message(i, i % 2 == 0 ? "otter everywhere" : "otter again"));
        }

        _index.AddMessage(conversation, Message(LuceneConversationSearchIndex.MaxRankedMatches + 11, "a lone beaver"));

        var common = _index.Search("otter", includeWhispers: true, _ => true, 0, 20);
        Assert.True(common.TotalIsLowerBound);
        Assert.Equal(LuceneConversationSearchIndex.MaxRankedMatches, common.Total);
        Assert.Equal(20, common.Hits.Count);

        var rare = _index.Search("beaver", includeWhispers: true, _ => true, 0, 20);
        Assert.False(rare.TotalIsLowerBound);
        Assert.Equal(1, rare.Total);
    }

    [Fact]
    public async Task SRCH1_searches_run_side_by_side_while_the_owner_writes_and_each_sees_a_consistent_index()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToArray();
        var accepted = ids.Where((_, i) => i % 2 == 0).ToHashSet();
        var writing = Task.Run(() =>
        {
            for (var m = 1; m <= 10; m++)
            {
                foreach (var id in ids)
                {
                    _index.AddMessage(id, Message(m, $"heron number{m} whisper{m % 3}", isWhisper: m % 3 == 0));
                }
            }
        });

        var searches = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!writing.IsCompleted)
            {
                var page = _index.Search("heron", includeWhispers: false, accepted.Contains, 0, 50);
                Assert.All(page.Hits, hit => Assert.Contains(hit.ConversationId, accepted));
                Assert.All(page.Hits, hit => Assert.False(hit.IsWhisper));
                await Task.Yield();
            }
        })).ToList();
        await Task.WhenAll([writing, .. searches]);

        var all = _index.Search("heron", includeWhispers: false, accepted.Contains, 0, 50);
        Assert.Equal(100 * 7, all.Total);
        Assert.Equal(100 * 10, _index.Search("heron", includeWhispers: true, accepted.Contains, 0, 50).Total);
    }

    private static ConversationMessage Message(long sequence, string text, bool isWhisper = false) =>
        new(sequence, $"c{sequence}", AuthorKind.Agent, "a", "Agent", text, isWhisper, DateTimeOffset.UtcNow);
}
