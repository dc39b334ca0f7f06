using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>
/// The full-text index of a property's articles, keyed by property id. It lives in memory only:
/// on activation (or <see cref="RebuildAsync"/>) it reads the catalogues and article grains again.
/// </summary>
[Alias("Conversations.IKnowledgeSearchGrain")]
public interface IKnowledgeSearchGrain : IGrainWithStringKey
{
    [Alias("Index")]
    Task IndexAsync(ArticleView article);

    [Alias("Remove")]
    Task RemoveAsync(Guid articleId);

    [Alias("Search")]
    Task<IReadOnlyList<ArticleSearchHit>> SearchAsync(ArticleSearchQuery query);

    /// <summary>Rebuilds the index from storage and returns how many articles it holds.</summary>
    [Alias("Rebuild")]
    [ResponseTimeout(GrainCallTimeouts.Long)]
    Task<int> RebuildAsync();
}
