using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Search;
using Conversations.Grains.Search;
using Conversations.Infrastructure.Search;

namespace Conversations.Tests.Search;

/// <summary>SRCH-1 at the Lucene index: phrases by their word pairs, bounded work for very common words, and searches side by side with the writer.</summary>
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

    [Theory]
    [InlineData(1_100, 1_100, true)]
    [InlineData(1_000, 1_040, false)]
    public void SRCH1_a_search_stops_after_its_candidate_budget_only_with_enough_matches_for_the_deepest_page(int acceptedFirst, int expectedTotal, bool expectedLowerBound)
    {
        using var index = new LuceneConversationSearchIndex(new Lucene.Net.Store.RAMDirectory()) { ExaminedCandidatesBeforeStopping = 5_000 };
        var accepted = Guid.NewGuid();
        var rejected = Guid.NewGuid();
        for (var i = 1; i <= acceptedFirst; i++)
        {
            index.AddMessage(accepted, Message(i, "otter"));
        }

        for (var i = 1; i <= 6_000; i++)
        {
            index.AddMessage(rejected, Message(i, "otter"));
        }

        for (var i = 1; i <= 40; i++)
        {
            index.AddMessage(accepted, Message(acceptedFirst + i, "otter"));
        }

        var page = index.Search("otter", includeWhispers: true, id => id == accepted, ConversationSearchQuery.MaxOffset, ConversationSearchQuery.MaxLimit);
        Assert.Equal((expectedTotal, expectedLowerBound), (page.Total, page.TotalIsLowerBound));
        Assert.Equal(Math.Min(ConversationSearchQuery.MaxLimit, expectedTotal - ConversationSearchQuery.MaxOffset), page.Hits.Count);
    }

    [Fact]
    public void SRCH1_a_phrase_finds_its_words_next_to_each_other_in_that_order_and_nothing_else()
    {
        var together = Guid.NewGuid();
        var apart = Guid.NewGuid();
        var reversed = Guid.NewGuid();
        var longer = Guid.NewGuid();
        _index.AddMessage(together, Message(1, "The red fox is in the printer again"));
        _index.AddMessage(apart, Message(1, "a red and hungry fox"));
        _index.AddMessage(reversed, Message(1, "fox red"));
        _index.AddMessage(longer, Message(1, "that red fox is mine, the red fox is yours"));

        Assert.Equal(new[] { together, longer }.Order(), Conversations(_index.Search("\"red fox\"", true, _ => true, 0, 20)).Order());
        Assert.Equal(new[] { together, longer }.Order(), Conversations(_index.Search("\"RED   fox\"", true, _ => true, 0, 20)).Order());
        Assert.Equal([together], Conversations(_index.Search("\"the red fox is in\"", true, _ => true, 0, 20)));
        Assert.Empty(_index.Search("\"fox red fox\"", true, _ => true, 0, 20).Hits);
        Assert.Equal([apart], Conversations(_index.Search("\"red hungry fox\"~1 -mine", true, _ => true, 0, 20)));
        Assert.Equal(new[] { together, longer }.Order(), Conversations(_index.Search("\"in the printer\" OR \"fox is yours\"", true, _ => true, 0, 20)).Order());

        var snippet = _index.Search("\"red fox\"", true, id => id == together, 0, 20).Hits.Single().Snippet;
        Assert.Contains("<mark>red</mark> <mark>fox</mark>", snippet);
    }

    [Fact]
    public void SRCH1_a_phrase_never_runs_from_a_message_into_its_author_nor_between_a_conversations_fields()
    {
        var conversation = Guid.NewGuid();
        _index.AddMessage(conversation, new ConversationMessage(1, "c1", AuthorKind.Visitor, "v", "Heron Smith", "I saw a grey", false, DateTimeOffset.UtcNow));
        _index.UpsertConversation(new SearchedConversationFields(conversation, "Lost parcel", "ann@example.com", ["urgent"]));

        Assert.Empty(_index.Search("\"grey heron\"", true, _ => true, 0, 20).Hits);
        Assert.Equal(1, Assert.Single(_index.Search("\"heron smith\"", true, _ => true, 0, 20).Hits).Sequence);
        Assert.Empty(_index.Search("\"parcel ann\"", true, _ => true, 0, 20).Hits);
        Assert.Equal(0, Assert.Single(_index.Search("\"lost parcel\"", true, _ => true, 0, 20).Hits).Sequence);
        Assert.Equal(0, Assert.Single(_index.Search("title:parcel", true, _ => true, 0, 20).Hits).Sequence);
        Assert.Empty(_index.Search("title:grey", true, _ => true, 0, 20).Hits);
    }

    [Fact]
    public void SRCH1_a_conversations_own_fields_rank_above_a_mention_in_a_message()
    {
        var mentioned = Guid.NewGuid();
        var titled = Guid.NewGuid();
        _index.AddMessage(mentioned, Message(1, "my invoice is wrong"));
        _index.UpsertConversation(new SearchedConversationFields(mentioned, "Question", "bob@example.com", []));
        _index.UpsertConversation(new SearchedConversationFields(titled, "Invoice missing", "ann@example.com", []));

        var hits = _index.Search("invoice", true, _ => true, 0, 20).Hits;
        Assert.Equal([(titled, 0L), (mentioned, 1L)], hits.Select(h => (h.ConversationId, h.Sequence)));
    }

    [Fact]
    public void SRCH1_a_prefix_finds_every_word_it_starts_however_many_words_that_is()
    {
        var conversation = Guid.NewGuid();
        _index.AddMessage(conversation, Message(1, "printer"));
        _index.AddMessage(conversation, Message(2, "printing"));
        _index.AddMessage(conversation, Message(3, "paper"));
        Assert.Equal(2, _index.Search("prin*", true, _ => true, 0, 20).Total);

        for (var i = 0; i < 3_000; i++)
        {
            _index.AddMessage(conversation, Message(4 + i, $"word{i}"));
        }

        Assert.Equal(3_000, _index.Search("word*", true, _ => true, 0, 20).Total);
    }

    private static IEnumerable<Guid> Conversations(SearchIndexResult result) => result.Hits.Select(h => h.ConversationId).Distinct();

    private static ConversationMessage Message(long sequence, string text, bool isWhisper = false) =>
        new(sequence, $"c{sequence}", AuthorKind.Agent, "a", "Agent", text, isWhisper, DateTimeOffset.UtcNow);
}
