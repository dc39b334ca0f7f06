using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.KnowledgeBase;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.KnowledgeBase;

/// <summary>
/// Holds a property's article search index in memory (<see cref="IArticleSearchIndex"/>, made by the host's factory). Nothing of it is persisted: it is
/// rebuilt from the knowledge base catalogues and article grains on activation and on demand, and
/// kept current by the article grains after each durable change.
/// </summary>
public sealed class KnowledgeSearchGrain(IArticleSearchIndexFactory indexes, ILogger<KnowledgeSearchGrain> logger) : Grain, IKnowledgeSearchGrain
{
    private const int ParallelReads = 16;

    private readonly IArticleSearchIndex _index = indexes.Create();

    private string PropertyId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await RebuildAsync();

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _index.Dispose();
        return Task.CompletedTask;
    }

    public Task IndexAsync(ArticleView article)
    {
        if (article.PropertyId != PropertyId)
        {
            throw DomainException.NotFound("The article");
        }

        _index.Upsert(ArticleSearchDocument.From(article));
        return Task.CompletedTask;
    }

    public Task RemoveAsync(Guid articleId)
    {
        _index.Remove(articleId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ArticleSearchHit>> SearchAsync(ArticleSearchQuery query)
    {
        if (query.Text is null || query.Text.Length > KnowledgeLimits.MaxQueryLength)
        {
            throw DomainException.Invalid($"A search needs text of at most {KnowledgeLimits.MaxQueryLength} characters.");
        }

        if (query.Limit is < 1 or > KnowledgeLimits.MaxSearchResults)
        {
            throw DomainException.Invalid($"The limit must be between 1 and {KnowledgeLimits.MaxSearchResults}.");
        }

        return Task.FromResult(_index.Search(query));
    }

    public async Task<int> RebuildAsync()
    {
        var documents = new List<ArticleSearchDocument>();
        foreach (var knowledgeBase in await GrainFactory.GetGrain<IKnowledgeBasesGrain>(PropertyId).ListAsync())
        {
            var catalogue = await GrainFactory.GetGrain<IKnowledgeBaseGrain>(KnowledgeKeys.KnowledgeBase(PropertyId, knowledgeBase.Id))
                .GetAsync(includeDrafts: true);
            foreach (var batch in catalogue.Articles.Chunk(ParallelReads))
            {
                var articles = await Task.WhenAll(batch.Select(a => ReadAsync(a.Id)));
                documents.AddRange(articles.OfType<ArticleView>().Select(ArticleSearchDocument.From));
            }
        }

        _index.Clear();
        foreach (var document in documents)
        {
            _index.Upsert(document);
        }

        logger.LogInformation("Rebuilt the knowledge search index of {PropertyId}: {Count} articles.", PropertyId, documents.Count);
        return documents.Count;
    }

    /// <summary>A catalogue entry whose article write never completed has no article; it is skipped.</summary>
    private async Task<ArticleView?> ReadAsync(Guid articleId)
    {
        try
        {
            return await GrainFactory.GetGrain<IArticleGrain>(articleId).GetAsync(PropertyId);
        }
        catch (DomainException ex) when (ex.Code == DomainErrorCode.NotFound)
        {
            return null;
        }
    }
}
