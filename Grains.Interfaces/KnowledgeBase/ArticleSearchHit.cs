namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>One ranked result. <see cref="SnippetHtml"/> is escaped text with matches wrapped in <c>&lt;mark&gt;</c>.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ArticleSearchHit")]
public sealed record ArticleSearchHit(
    [property: Id(0)] Guid ArticleId,
    [property: Id(1)] Guid KnowledgeBaseId,
    [property: Id(2)] Guid? CategoryId,
    [property: Id(3)] string Title,
    [property: Id(4)] string Slug,
    [property: Id(5)] ArticleStatus Status,
    [property: Id(6)] string SnippetHtml,
    [property: Id(7)] float Score);
