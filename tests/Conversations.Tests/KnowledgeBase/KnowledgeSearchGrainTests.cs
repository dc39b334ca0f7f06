using Conversations.Grains.Interfaces.KnowledgeBase;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.KnowledgeBase;

[Collection(ClusterCollection.Name)]
public sealed class KnowledgeSearchGrainTests(ClusterFixture fixture)
{
    private readonly string _property = "p-" + Guid.NewGuid().ToString("N")[..8];

    private IKnowledgeSearchGrain Search => fixture.Client.GetGrain<IKnowledgeSearchGrain>(_property);

    [Fact, Trait("Spec", "KB-2")]
    public async Task KB2_articles_written_through_the_grains_are_searchable_and_drafts_stay_out_of_visitor_search()
    {
        var knowledgeBase = await CreateAsync("Help");
        var exact = await knowledgeBase.CreateArticleAsync(Input("Refunds", "refunds", "How refunds work."));
        var other = await knowledgeBase.CreateArticleAsync(Input("Refunds and returns for refunds", "returns", "refunds refunds refunds"));
        var draft = await knowledgeBase.CreateArticleAsync(Input("Refunds draft", "draft", "Unfinished refunds text.") with { Status = ArticleStatus.Draft });

        var visitor = await Search.SearchAsync(new ArticleSearchQuery("refunds"));
        Assert.Equal([exact.Id, other.Id], visitor.Select(h => h.ArticleId));
        Assert.Contains("<mark>refunds</mark>", visitor[0].SnippetHtml);

        var agent = await Search.SearchAsync(new ArticleSearchQuery("refunds", IncludeDrafts: true));
        Assert.Contains(draft.Id, agent.Select(h => h.ArticleId));

        await knowledgeBase.UpdateArticleAsync(draft.Id, Input("Refunds draft", "draft", "Now public.") with { Status = ArticleStatus.Published });
        Assert.Contains(draft.Id, (await Search.SearchAsync(new ArticleSearchQuery("refunds"))).Select(h => h.ArticleId));

        await knowledgeBase.DeleteArticleAsync(other.Id);
        Assert.DoesNotContain(other.Id, (await Search.SearchAsync(new ArticleSearchQuery("refunds"))).Select(h => h.ArticleId));
    }

    [Fact, Trait("Spec", "KB-2")]
    public async Task KB2_search_filters_by_knowledge_base_and_category_across_a_property()
    {
        var help = await CreateAsync("Help");
        var internalDocs = await CreateAsync("Internal");
        var billing = await help.AddCategoryAsync("Billing");
        var inBilling = await help.CreateArticleAsync(Input("Invoice dates", "invoice-dates", "When invoices go out.") with { CategoryId = billing.Id });
        var inHelp = await help.CreateArticleAsync(Input("Invoice address", "invoice-address", "Where invoices go."));
        var inInternal = await internalDocs.CreateArticleAsync(Input("Invoice runbook", "invoice-runbook", "Fixing invoices."));
        var helpId = (await help.GetAsync(false)).Id;

        Assert.Equal(3, (await Search.SearchAsync(new ArticleSearchQuery("invoice"))).Count);
        Assert.Equal(
            new[] { inBilling.Id, inHelp.Id }.Order(),
            (await Search.SearchAsync(new ArticleSearchQuery("invoice", helpId))).Select(h => h.ArticleId).Order());
        Assert.Equal([inBilling.Id], (await Search.SearchAsync(new ArticleSearchQuery("invoice", helpId, billing.Id))).Select(h => h.ArticleId));
        Assert.DoesNotContain(inInternal.Id, (await Search.SearchAsync(new ArticleSearchQuery("invoice", helpId))).Select(h => h.ArticleId));
    }

    [Fact, Trait("Spec", "KB-2")]
    public async Task KB2_the_index_rebuilds_from_storage_on_demand()
    {
        var knowledgeBase = await CreateAsync("Help");
        var published = await knowledgeBase.CreateArticleAsync(Input("Two factor login", "two-factor", "Use an authenticator app."));
        await knowledgeBase.CreateArticleAsync(Input("Two factor recovery", "recovery", "Recovery codes.") with { Status = ArticleStatus.Draft });

        Assert.Equal(2, await Search.RebuildAsync());
        Assert.Equal([published.Id], (await Search.SearchAsync(new ArticleSearchQuery("authenticator"))).Select(h => h.ArticleId));
        Assert.Equal(2, (await Search.SearchAsync(new ArticleSearchQuery("two factor", IncludeDrafts: true))).Count);
    }

    private async Task<IKnowledgeBaseGrain> CreateAsync(string name) => (await fixture.Client.CreateAsync(_property, name)).Grain;

    private static ArticleInput Input(string title, string slug, string body) => KnowledgeBases.Published(title, slug, body);
}
