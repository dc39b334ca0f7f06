namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>A catalogue entry of an article: everything but its body.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ArticleSummary")]
public sealed record ArticleSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid? CategoryId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Slug,
    [property: Id(4)] ArticleStatus Status,
    [property: Id(5)] DateTimeOffset UpdatedAt);
