using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.KnowledgeBase;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.KnowledgeBase;

[Collection(ClusterCollection.Name)]
public sealed class KnowledgeBaseGrainTests(ClusterFixture fixture)
{
    private readonly string _property = "p-" + Guid.NewGuid().ToString("N")[..8];

    [Fact, Trait("Spec", "KB-1")]
    public async Task KB1_a_knowledge_base_holds_categories_and_articles_and_renders_markdown()
    {
        var (summary, knowledgeBase) = await CreateAsync("Help center");
        var category = await knowledgeBase.AddCategoryAsync("Billing");

        var article = await knowledgeBase.CreateArticleAsync(
            new ArticleInput(" Refunds ", "refunds", "# Refunds\n\nSee [the policy](https://example.com).", ArticleStatus.Published, category.Id));
        var draft = await knowledgeBase.CreateArticleAsync(new ArticleInput("Upcoming", "upcoming", "Soon.", ArticleStatus.Draft, null));

        Assert.Equal("Refunds", article.Title);
        Assert.Contains("<h1>Refunds</h1>", article.Html);
        Assert.Equal("Refunds\nSee the policy.", article.Text);
        var read = await fixture.Client.GetGrain<IArticleGrain>(article.Id).GetAsync(_property);
        Assert.Equal((summary.Id, category.Id, "refunds"), (read.KnowledgeBaseId, read.CategoryId!.Value, read.Slug));

        Assert.Equal([article.Id], (await knowledgeBase.GetAsync(includeDrafts: false)).Articles.Select(a => a.Id));
        Assert.Equal(2, (await knowledgeBase.GetAsync(includeDrafts: true)).Articles.Count);
        Assert.Equal([summary], await fixture.Client.GetGrain<IKnowledgeBasesGrain>(_property).ListAsync());
        Assert.NotEqual(draft.Id, article.Id);
    }

    [Theory, Trait("Spec", "KB-1")]
    [InlineData("Has Caps")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("spaces here")]
    [InlineData("")]
    [InlineData("ünicode")]
    public async Task KB1_a_bad_slug_is_refused(string slug)
    {
        var (_, knowledgeBase) = await CreateAsync("Docs");

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            knowledgeBase.CreateArticleAsync(new ArticleInput("Title", slug, "Body", ArticleStatus.Draft, null)));

        Assert.Equal(DomainErrorCode.Invalid, error.Code);
    }

    [Fact, Trait("Spec", "KB-1")]
    public async Task KB1_slugs_are_unique_per_knowledge_base_and_categories_must_exist()
    {
        var (_, knowledgeBase) = await CreateAsync("Docs");
        var (_, other) = await CreateAsync("Other docs");
        var first = await knowledgeBase.CreateArticleAsync(Input("Install", "install"));

        var duplicate = await Assert.ThrowsAsync<DomainException>(() => knowledgeBase.CreateArticleAsync(Input("Install again", "install")));
        Assert.Equal(DomainErrorCode.Conflict, duplicate.Code);
        await other.CreateArticleAsync(Input("Install", "install"));

        var unknownCategory = await Assert.ThrowsAsync<DomainException>(() =>
            knowledgeBase.CreateArticleAsync(Input("Pricing", "pricing") with { CategoryId = Guid.NewGuid() }));
        Assert.Equal(DomainErrorCode.NotFound, unknownCategory.Code);

        var second = await knowledgeBase.CreateArticleAsync(Input("Upgrade", "upgrade"));
        var renameClash = await Assert.ThrowsAsync<DomainException>(() =>
            knowledgeBase.UpdateArticleAsync(second.Id, Input("Upgrade", "install")));
        Assert.Equal(DomainErrorCode.Conflict, renameClash.Code);
        var kept = await knowledgeBase.UpdateArticleAsync(first.Id, Input("Install v2", "install"));
        Assert.Equal(2, kept.Version);
    }

    [Fact, Trait("Spec", "KB-1")]
    public async Task KB1_limits_and_ownership_are_enforced()
    {
        var (summary, knowledgeBase) = await CreateAsync("Docs");

        var tooLong = await Assert.ThrowsAsync<DomainException>(() => knowledgeBase.CreateArticleAsync(
            Input("Big", "big") with { Body = new string('x', KnowledgeLimits.MaxBodyLength + 1) }));
        Assert.Equal(DomainErrorCode.Invalid, tooLong.Code);
        await Assert.ThrowsAsync<DomainException>(() => knowledgeBase.CreateArticleAsync(Input(new string('t', KnowledgeLimits.MaxTitleLength + 1), "t")));
        await Assert.ThrowsAsync<DomainException>(() => knowledgeBase.AddCategoryAsync(" "));

        var article = await knowledgeBase.CreateArticleAsync(Input("Mine", "mine"));
        var elsewhere = await Assert.ThrowsAsync<DomainException>(() => fixture.Client.GetGrain<IArticleGrain>(article.Id).GetAsync("another-property"));
        Assert.Equal(DomainErrorCode.NotFound, elsewhere.Code);
        var otherProperty = fixture.Client.GetGrain<IKnowledgeBaseGrain>(KnowledgeKeys.KnowledgeBase("another-property", summary.Id));
        await Assert.ThrowsAsync<DomainException>(() => otherProperty.GetAsync(includeDrafts: true));
    }

    [Fact, Trait("Spec", "KB-1")]
    public async Task KB1_a_category_with_articles_cannot_be_removed_and_a_deleted_article_is_gone()
    {
        var (_, knowledgeBase) = await CreateAsync("Docs");
        var category = await knowledgeBase.AddCategoryAsync("Setup");
        var article = await knowledgeBase.CreateArticleAsync(Input("Install", "install") with { CategoryId = category.Id });

        var refused = await Assert.ThrowsAsync<DomainException>(() => knowledgeBase.RemoveCategoryAsync(category.Id));
        Assert.Equal(DomainErrorCode.Conflict, refused.Code);

        await knowledgeBase.DeleteArticleAsync(article.Id);
        await knowledgeBase.RemoveCategoryAsync(category.Id);

        var view = await knowledgeBase.GetAsync(includeDrafts: true);
        Assert.Empty(view.Articles);
        Assert.Empty(view.Categories);
        await Assert.ThrowsAsync<DomainException>(() => fixture.Client.GetGrain<IArticleGrain>(article.Id).GetAsync(_property));
    }

    [Fact, Trait("Spec", "KB-1")]
    public async Task KB1_knowledge_bases_and_categories_are_renamed_with_unique_names()
    {
        var (summary, knowledgeBase) = await CreateAsync("Docs");
        await CreateAsync("Internal");
        var setup = await knowledgeBase.AddCategoryAsync("Setup");
        await knowledgeBase.AddCategoryAsync("Billing");
        var directory = fixture.Client.GetGrain<IKnowledgeBasesGrain>(_property);

        Assert.Equal("Help center", (await directory.RenameAsync(summary.Id, " Help center ")).Name);
        Assert.Equal("Help center", (await knowledgeBase.GetAsync(includeDrafts: false)).Name);
        Assert.Equal("Docs", (await directory.RenameAsync(summary.Id, "Docs")).Name);
        var taken = await Assert.ThrowsAsync<DomainException>(() => directory.RenameAsync(summary.Id, "internal"));
        Assert.Equal(DomainErrorCode.Conflict, taken.Code);
        await Assert.ThrowsAsync<DomainException>(() => directory.RenameAsync(Guid.NewGuid(), "New"));

        Assert.Equal("Installation", (await knowledgeBase.RenameCategoryAsync(setup.Id, "Installation")).Name);
        await Assert.ThrowsAsync<DomainException>(() => knowledgeBase.RenameCategoryAsync(setup.Id, "BILLING"));
        Assert.Equal(["Installation", "Billing"], (await knowledgeBase.GetAsync(includeDrafts: false)).Categories.Select(c => c.Name));
    }

    [Fact, Trait("Spec", "KB-1")]
    public async Task KB1_deleting_an_article_whose_body_is_already_gone_still_clears_the_catalogue()
    {
        var (_, knowledgeBase) = await CreateAsync("Docs");
        var article = await knowledgeBase.CreateArticleAsync(Input("Half deleted", "half-deleted"));

        // As if an earlier delete stopped after the article grain and before the catalogue write.
        await fixture.Client.GetGrain<IArticleGrain>(article.Id).DeleteAsync(_property);
        Assert.Single((await knowledgeBase.GetAsync(includeDrafts: true)).Articles);

        await knowledgeBase.DeleteArticleAsync(article.Id);
        Assert.Empty((await knowledgeBase.GetAsync(includeDrafts: true)).Articles);
        await knowledgeBase.CreateArticleAsync(Input("Slug free again", "half-deleted"));
    }

    private Task<(KnowledgeBaseSummary Summary, IKnowledgeBaseGrain Grain)> CreateAsync(string name) =>
        fixture.Client.CreateAsync(_property, name);

    private static ArticleInput Input(string title, string slug) => KnowledgeBases.Published(title, slug);
}
