using Conversations.Grains.Interfaces.KnowledgeBase;

namespace Conversations.Grains.KnowledgeBase;

/// <summary>What the search index keeps of an article: its text without Markdown and its filter fields.</summary>
public sealed record ArticleSearchDocument(
    Guid ArticleId,
    Guid KnowledgeBaseId,
    Guid? CategoryId,
    string Title,
    string Slug,
    string Text,
    ArticleStatus Status)
{
    public static ArticleSearchDocument From(ArticleView article) => new(
        article.Id, article.KnowledgeBaseId, article.CategoryId, article.Title, article.Slug,
        article.Text, article.Status);
}
