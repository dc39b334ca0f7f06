using Orleans.Concurrency;

namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>One article's body and metadata, keyed by article id. Writes come only from its knowledge base grain.</summary>
[Alias("Conversations.IArticleGrain")]
public interface IArticleGrain : IGrainWithGuidKey
{
    [Alias("Store")]
    Task<ArticleView> StoreAsync(StoreArticle command);

    /// <summary>Idempotent: deleting an article that is already gone succeeds (and removes it from the index again).</summary>
    [Alias("Delete")]
    Task DeleteAsync(string propertyId);

    /// <summary>Interleaves so that a search index rebuild can read it while this article's write waits on the index.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<ArticleView> GetAsync(string propertyId);
}
