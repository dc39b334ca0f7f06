using System.Text.RegularExpressions;
using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.KnowledgeBase;

namespace Conversations.Grains.KnowledgeBase;

public sealed partial class KnowledgeBaseGrain(
    [PersistentState("knowledgeBase", ConversationsNames.GrainStorage)] IPersistentState<KnowledgeBaseState> state,
    TimeProvider clock) : Grain, IKnowledgeBaseGrain
{
    private KnowledgeBaseState Catalogue => state.State;

    private (string PropertyId, Guid Id) Key => KnowledgeKeys.ParseKnowledgeBase(this.GetPrimaryKeyString());

    public async Task<KnowledgeBaseView> InitializeAsync(string name)
    {
        if (Catalogue.Version == 0)
        {
            Catalogue.Name = KnowledgeText.Line(name, KnowledgeLimits.MaxNameLength, "A knowledge base name");
            Catalogue.Version = 1;
            await this.PersistAsync(state.WriteStateAsync);
        }

        return View(includeDrafts: true);
    }

    public Task<KnowledgeBaseView> GetAsync(bool includeDrafts)
    {
        EnsureExists();
        return Task.FromResult(View(includeDrafts));
    }

    public async Task<KnowledgeBaseView> RenameAsync(string name)
    {
        EnsureExists();
        Catalogue.Name = KnowledgeText.Line(name, KnowledgeLimits.MaxNameLength, "A knowledge base name");
        Catalogue.Version++;
        await this.PersistAsync(state.WriteStateAsync);
        return View(includeDrafts: true);
    }

    public async Task<KnowledgeCategory> AddCategoryAsync(string name)
    {
        EnsureExists();
        var cleaned = KnowledgeText.NewName(name, Catalogue.Categories.ConvertAll(c => c.Name),
            KnowledgeLimits.MaxCategoriesPerKnowledgeBase, "category", "categories", "knowledge base");
        var category = new KnowledgeCategory(Guid.NewGuid(), cleaned);
        Catalogue.Categories.Add(category);
        Catalogue.Version++;
        await this.PersistAsync(state.WriteStateAsync);
        return category;
    }

    public async Task<KnowledgeCategory> RenameCategoryAsync(Guid categoryId, string name)
    {
        EnsureExists();
        var index = Catalogue.Categories.FindIndex(c => c.Id == categoryId);
        if (index < 0)
        {
            throw DomainException.NotFound("The category");
        }

        var others = Catalogue.Categories.Where(c => c.Id != categoryId).Select(c => c.Name).ToList();
        var renamed = Catalogue.Categories[index] with
        {
            Name = KnowledgeText.NewName(name, others, int.MaxValue, "category", "categories", "knowledge base"),
        };
        Catalogue.Categories[index] = renamed;
        Catalogue.Version++;
        await this.PersistAsync(state.WriteStateAsync);
        return renamed;
    }

    public async Task RemoveCategoryAsync(Guid categoryId)
    {
        EnsureExists();
        var category = Catalogue.Categories.Find(c => c.Id == categoryId) ?? throw DomainException.NotFound("The category");
        if (Catalogue.Articles.Exists(a => a.CategoryId == categoryId))
        {
            throw KnowledgeText.Conflict($"The category '{category.Name}' still has articles; move or delete them first.");
        }

        Catalogue.Categories.Remove(category);
        Catalogue.Version++;
        await this.PersistAsync(state.WriteStateAsync);
    }

    public async Task<ArticleView> CreateArticleAsync(ArticleInput input)
    {
        EnsureExists();
        if (Catalogue.Articles.Count >= KnowledgeLimits.MaxArticlesPerKnowledgeBase)
        {
            throw KnowledgeText.Conflict($"A knowledge base can hold at most {KnowledgeLimits.MaxArticlesPerKnowledgeBase} articles.");
        }

        var cleaned = Validate(input, articleId: null);
        var articleId = Guid.NewGuid();
        Catalogue.Articles.Add(Summary(articleId, cleaned));
        return await StoreAsync(articleId, cleaned, previous: null);
    }

    public async Task<ArticleView> UpdateArticleAsync(Guid articleId, ArticleInput input)
    {
        EnsureExists();
        var index = IndexOf(articleId);
        var cleaned = Validate(input, articleId);
        var previous = Catalogue.Articles[index];
        Catalogue.Articles[index] = Summary(articleId, cleaned);
        return await StoreAsync(articleId, cleaned, previous);
    }

    /// <summary>
    /// The article goes first: if the catalogue write then fails, the entry points to nothing (reads
    /// say not found, a rebuild skips it) and deleting again completes, since the article delete is idempotent.
    /// </summary>
    public async Task DeleteArticleAsync(Guid articleId)
    {
        EnsureExists();
        var index = IndexOf(articleId);
        await GrainFactory.GetGrain<IArticleGrain>(articleId).DeleteAsync(Key.PropertyId);
        Catalogue.Articles.RemoveAt(index);
        Catalogue.Version++;
        await this.PersistAsync(state.WriteStateAsync);
    }

    /// <summary>
    /// The catalogue is written first (it owns slug uniqueness), then the article. If the article
    /// write fails, the catalogue entry is put back as it was so that the two never disagree for long.
    /// </summary>
    private async Task<ArticleView> StoreAsync(Guid articleId, ArticleInput input, ArticleSummary? previous)
    {
        Catalogue.Version++;
        await this.PersistAsync(state.WriteStateAsync);
        try
        {
            return await GrainFactory.GetGrain<IArticleGrain>(articleId).StoreAsync(new StoreArticle(Key.PropertyId, Key.Id, input));
        }
        catch
        {
            var index = IndexOf(articleId);
            if (previous is null)
            {
                Catalogue.Articles.RemoveAt(index);
            }
            else
            {
                Catalogue.Articles[index] = previous;
            }

            Catalogue.Version++;
            await this.PersistAsync(state.WriteStateAsync);
            throw;
        }
    }

    private ArticleInput Validate(ArticleInput input, Guid? articleId)
    {
        var title = KnowledgeText.Line(input.Title, KnowledgeLimits.MaxTitleLength, "A title");
        var slug = KnowledgeText.Matching(input.Slug, SlugRegex(), KnowledgeLimits.MaxSlugLength, "The slug",
            $"use lowercase letters and digits joined by single hyphens, at most {KnowledgeLimits.MaxSlugLength} characters.");
        var body = KnowledgeText.Block(input.Body, KnowledgeLimits.MaxBodyLength, "An article body");
        if (!Enum.IsDefined(input.Status))
        {
            throw DomainException.Invalid("The status must be Draft or Published.");
        }

        if (input.CategoryId is { } categoryId && !Catalogue.Categories.Exists(c => c.Id == categoryId))
        {
            throw DomainException.NotFound("The category");
        }

        if (Catalogue.Articles.Exists(a => a.Slug == slug && a.Id != articleId))
        {
            throw KnowledgeText.Conflict($"Another article of this knowledge base already uses the slug '{slug}'.");
        }

        return input with { Title = title, Slug = slug, Body = body };
    }

    private ArticleSummary Summary(Guid articleId, ArticleInput input) =>
        new(articleId, input.CategoryId, input.Title, input.Slug, input.Status, clock.GetUtcNow());

    private int IndexOf(Guid articleId)
    {
        var index = Catalogue.Articles.FindIndex(a => a.Id == articleId);
        return index >= 0 ? index : throw DomainException.NotFound("The article");
    }

    private void EnsureExists()
    {
        if (Catalogue.Version == 0)
        {
            throw DomainException.NotFound("The knowledge base");
        }
    }

    private KnowledgeBaseView View(bool includeDrafts) => new(
        Key.Id, Key.PropertyId, Catalogue.Name, Catalogue.Categories.ToList(),
        Catalogue.Articles.Where(a => includeDrafts || a.Status == ArticleStatus.Published).ToList(),
        Catalogue.Version);

    [GeneratedRegex(KnowledgeLimits.SlugPattern)]
    private static partial Regex SlugRegex();
}
