using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.KnowledgeBase;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.KnowledgeBase;

/// <summary>
/// Holds one article body (at most <see cref="KnowledgeLimits.MaxBodyLength"/> characters). Input arrives
/// validated by the knowledge base grain; after each durable change the property's search index is told.
/// </summary>
public sealed class ArticleGrain(
    [PersistentState("article", ConversationsNames.GrainStorage)] IPersistentState<ArticleState> state,
    TimeProvider clock,
    ILogger<ArticleGrain> logger) : Grain, IArticleGrain
{
    private ArticleState Article => state.State;

    private (long Version, string Html, string Text)? _rendered;

    public async Task<ArticleView> StoreAsync(StoreArticle command)
    {
        if (Article.Version > 0 && (Article.PropertyId != command.PropertyId || Article.KnowledgeBaseId != command.KnowledgeBaseId))
        {
            throw DomainException.NotFound("The article");
        }

        var now = clock.GetUtcNow();
        if (Article.Version == 0)
        {
            Article.PropertyId = command.PropertyId;
            Article.KnowledgeBaseId = command.KnowledgeBaseId;
            Article.CreatedAt = now;
        }

        Article.CategoryId = command.Input.CategoryId;
        Article.Title = command.Input.Title;
        Article.Slug = command.Input.Slug;
        Article.Body = command.Input.Body;
        Article.Status = command.Input.Status;
        Article.UpdatedAt = now;
        Article.Version++;
        await this.PersistAsync(state.WriteStateAsync);

        var view = View();
        await TellSearchAsync(view.PropertyId, search => search.IndexAsync(view));
        return view;
    }

    public async Task DeleteAsync(string propertyId)
    {
        if (Article.Version > 0)
        {
            EnsureProperty(propertyId);
            await this.PersistAsync(state.ClearStateAsync);
            _rendered = null;
        }

        await TellSearchAsync(propertyId, search => search.RemoveAsync(this.GetPrimaryKey()));
    }

    public Task<ArticleView> GetAsync(string propertyId)
    {
        EnsureProperty(propertyId);
        return Task.FromResult(View());
    }

    private void EnsureProperty(string propertyId)
    {
        if (Article.Version == 0 || !string.Equals(Article.PropertyId, propertyId, StringComparison.Ordinal))
        {
            throw DomainException.NotFound("The article");
        }
    }

    /// <summary>The index is a rebuildable cache: a failure to update it is logged, not thrown, because the change is durable.</summary>
    private async Task TellSearchAsync(string propertyId, Func<IKnowledgeSearchGrain, Task> call)
    {
        try
        {
            await call(GrainFactory.GetGrain<IKnowledgeSearchGrain>(propertyId));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Updating the search index for article {ArticleId} failed; a rebuild repairs it.", this.GetPrimaryKey());
        }
    }

    private ArticleView View()
    {
        if (_rendered is not { } rendered || rendered.Version != Article.Version)
        {
            rendered = (Article.Version, SafeMarkdown.ToHtml(Article.Body), SafeMarkdown.ToPlainText(Article.Body));
            _rendered = rendered;
        }

        return new ArticleView(
            this.GetPrimaryKey(), Article.PropertyId, Article.KnowledgeBaseId, Article.CategoryId, Article.Title,
            Article.Slug, Article.Body, rendered.Html, Article.Status, Article.CreatedAt, Article.UpdatedAt, Article.Version,
            rendered.Text);
    }
}
