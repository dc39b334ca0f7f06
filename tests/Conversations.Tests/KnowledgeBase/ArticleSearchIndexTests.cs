using Conversations.Grains.Interfaces.KnowledgeBase;
using Conversations.Grains.KnowledgeBase;
using Conversations.Infrastructure.KnowledgeBase;

namespace Conversations.Tests.KnowledgeBase;

[Trait("Spec", "KB-2")]
public sealed class ArticleSearchIndexTests : IDisposable
{
    private readonly LuceneArticleSearchIndex _index = new();
    private readonly Guid _help = Guid.NewGuid();
    private readonly Guid _billing = Guid.NewGuid();
    private readonly Guid _accounts = Guid.NewGuid();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void KB2_an_exact_title_match_ranks_first()
    {
        // The other articles say "password" more often and in their titles too.
        Add("Reset password", "How to reset it.");
        var exact = Add("Password", "Choosing a good one.");
        Add("Password password reset", "password password password reset password");

        var hits = _index.Search(new ArticleSearchQuery("password"));

        Assert.Equal(3, hits.Count);
        Assert.Equal(exact, hits[0].ArticleId);
        Assert.Equal(exact, _index.Search(new ArticleSearchQuery("  PASSWORD ")) [0].ArticleId);
    }

    [Fact]
    public void KB2_a_title_word_outranks_a_body_word_and_every_word_must_match()
    {
        var inBody = Add("Getting started", "Export your invoices from the billing page.");
        var inTitle = Add("Invoices explained", "What each line means.");
        Add("Refunds", "Money back within 30 days.");

        var hits = _index.Search(new ArticleSearchQuery("invoices"));
        Assert.Equal([inTitle, inBody], hits.Select(h => h.ArticleId));

        Assert.Equal([inBody], _index.Search(new ArticleSearchQuery("export invoices")).Select(h => h.ArticleId));
        Assert.Empty(_index.Search(new ArticleSearchQuery("invoices kangaroo")));
    }

    [Fact]
    public void KB2_the_last_word_also_matches_as_a_prefix()
    {
        var refunds = Add("Refunds", "Money back within 30 days.");

        Assert.Equal([refunds], _index.Search(new ArticleSearchQuery("refu")).Select(h => h.ArticleId));
    }

    [Fact]
    public void KB2_search_filters_by_knowledge_base_and_category()
    {
        var inHelpBilling = Add("Billing cycles", "When you are charged.", _help, _billing);
        var inHelpAccounts = Add("Billing contacts", "Who gets the invoice.", _help, _accounts);
        var elsewhere = Add("Billing in the other base", "Another knowledge base.", Guid.NewGuid(), _billing);

        Assert.Equal(3, _index.Search(new ArticleSearchQuery("billing")).Count);
        Assert.Equal(new[] { inHelpBilling, inHelpAccounts }.Order(), _index.Search(new ArticleSearchQuery("billing", _help)).Select(h => h.ArticleId).Order());
        Assert.Equal([inHelpBilling], _index.Search(new ArticleSearchQuery("billing", _help, _billing)).Select(h => h.ArticleId));
        Assert.Equal(new[] { inHelpBilling, elsewhere }.Order(), _index.Search(new ArticleSearchQuery("billing", CategoryId: _billing)).Select(h => h.ArticleId).Order());
    }

    [Fact]
    public void KB2_drafts_are_returned_only_when_the_query_asks_for_them()
    {
        var published = Add("Shipping times", "Three to five days.");
        var draft = Add("Shipping to Mars", "Not yet.", status: ArticleStatus.Draft);

        Assert.Equal([published], _index.Search(new ArticleSearchQuery("shipping")).Select(h => h.ArticleId));
        var withDrafts = _index.Search(new ArticleSearchQuery("shipping", IncludeDrafts: true));
        Assert.Equal(2, withDrafts.Count);
        Assert.Equal(ArticleStatus.Draft, withDrafts.Single(h => h.ArticleId == draft).Status);
    }

    [Fact]
    public void KB2_the_snippet_is_escaped_text_with_marked_matches()
    {
        Add("Widget", "Paste <script>alert(1)</script> & the widget snippet before </body> to install.");

        var snippet = _index.Search(new ArticleSearchQuery("snippet"))[0].SnippetHtml;

        Assert.Contains("<mark>snippet</mark>", snippet);
        Assert.Contains("&lt;script&gt;", snippet);
        Assert.DoesNotContain("<script", snippet);
        Assert.Equal(2, snippet.Split('<').Length - 1);
    }

    [Fact]
    public void KB2_an_updated_article_is_found_by_its_new_words_and_a_removed_one_is_gone()
    {
        var id = Add("Old title", "Old words.");
        _index.Upsert(new ArticleSearchDocument(id, _help, null, "New title", "new-title", "Fresh words.", ArticleStatus.Published));

        Assert.Empty(_index.Search(new ArticleSearchQuery("old")));
        Assert.Single(_index.Search(new ArticleSearchQuery("fresh")));
        Assert.Equal(1, _index.Count);

        _index.Remove(id);
        Assert.Empty(_index.Search(new ArticleSearchQuery("fresh")));
    }

    [Fact]
    public void KB2_a_match_deep_in_a_long_body_is_found_with_the_opening_as_snippet()
    {
        var id = Add("Long guide", "Opening words. " + string.Join(' ', Enumerable.Repeat("filler", 3000)) + " zebra at the end.");

        var hit = Assert.Single(_index.Search(new ArticleSearchQuery("zebra")));

        Assert.Equal(id, hit.ArticleId);
        Assert.StartsWith("Opening words.", hit.SnippetHtml);
        Assert.True(hit.SnippetHtml.Length <= LuceneArticleSearchIndex.SnippetLength + 1);
    }

    [Fact]
    public void KB2_a_title_of_stop_words_is_still_found_by_its_exact_title()
    {
        var id = Add("To be or not to be", "A page about a question.");

        Assert.Equal([id], _index.Search(new ArticleSearchQuery("to be OR not to be")).Select(h => h.ArticleId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the")]
    [InlineData("\"unbalanced AND (")]
    public void KB2_empty_stop_word_or_syntax_like_queries_return_nothing_without_error(string text)
    {
        Add("The guide", "A guide.");

        Assert.Empty(_index.Search(new ArticleSearchQuery(text)));
    }

    private Guid Add(string title, string text, Guid? knowledgeBaseId = null, Guid? categoryId = null, ArticleStatus status = ArticleStatus.Published)
    {
        var id = Guid.NewGuid();
        _index.Upsert(new ArticleSearchDocument(id, knowledgeBaseId ?? _help, categoryId, title, "slug", text, status));
        return id;
    }
}
