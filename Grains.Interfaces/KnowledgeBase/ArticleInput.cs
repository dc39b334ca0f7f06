namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>What an admin writes when creating or editing an article. The body is Markdown.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ArticleInput")]
public sealed record ArticleInput(
    [property: Id(0)] string Title,
    [property: Id(1)] string Slug,
    [property: Id(2)] string Body,
    [property: Id(3)] ArticleStatus Status,
    [property: Id(4)] Guid? CategoryId);
