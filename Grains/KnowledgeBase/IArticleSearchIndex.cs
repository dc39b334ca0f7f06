using Conversations.Grains.Interfaces.KnowledgeBase;

namespace Conversations.Grains.KnowledgeBase;

/// <summary>
/// A full-text index of one property's articles, held in memory by its search grain (Lucene in the product).
/// Not thread-safe: one owner calls it at a time.
/// </summary>
public interface IArticleSearchIndex : IDisposable
{
    int Count { get; }

    void Upsert(ArticleSearchDocument article);

    void Remove(Guid articleId);

    void Clear();

    /// <summary>Hits ranked best first: an exact title match, then by relevance; every word must match (the last also as a prefix).</summary>
    IReadOnlyList<ArticleSearchHit> Search(ArticleSearchQuery query);
}
