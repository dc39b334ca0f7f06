namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>
/// An article with its Markdown body, that body rendered to safe HTML, and as plain text
/// (what the composer inserts when an agent adds the article to a reply as text).
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ArticleView")]
public sealed record ArticleView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string PropertyId,
    [property: Id(2)] Guid KnowledgeBaseId,
    [property: Id(3)] Guid? CategoryId,
    [property: Id(4)] string Title,
    [property: Id(5)] string Slug,
    [property: Id(6)] string Body,
    [property: Id(7)] string Html,
    [property: Id(8)] ArticleStatus Status,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset UpdatedAt,
    [property: Id(11)] long Version,
    [property: Id(12)] string Text);
