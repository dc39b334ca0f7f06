using Orleans.Concurrency;

namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>
/// One knowledge base, keyed by <see cref="KnowledgeKeys.KnowledgeBase"/>: its name, categories and the
/// catalogue of its articles. It owns the rules (unique slugs, existing categories) and every article write.
/// </summary>
[Alias("Conversations.IKnowledgeBaseGrain")]
public interface IKnowledgeBaseGrain : IGrainWithStringKey
{
    /// <summary>Called once by <see cref="IKnowledgeBasesGrain"/>.</summary>
    [Alias("Initialize")]
    Task<KnowledgeBaseView> InitializeAsync(string name);

    /// <summary>Interleaves so that a search index rebuild can read the catalogue while an article write is under way.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<KnowledgeBaseView> GetAsync(bool includeDrafts);

    /// <summary>Called by <see cref="IKnowledgeBasesGrain"/>, which owns the uniqueness of names.</summary>
    [Alias("Rename")]
    Task<KnowledgeBaseView> RenameAsync(string name);

    [Alias("AddCategory")]
    Task<KnowledgeCategory> AddCategoryAsync(string name);

    [Alias("RenameCategory")]
    Task<KnowledgeCategory> RenameCategoryAsync(Guid categoryId, string name);

    [Alias("RemoveCategory")]
    Task RemoveCategoryAsync(Guid categoryId);

    [Alias("CreateArticle")]
    Task<ArticleView> CreateArticleAsync(ArticleInput input);

    [Alias("UpdateArticle")]
    Task<ArticleView> UpdateArticleAsync(Guid articleId, ArticleInput input);

    [Alias("DeleteArticle")]
    Task DeleteArticleAsync(Guid articleId);
}
