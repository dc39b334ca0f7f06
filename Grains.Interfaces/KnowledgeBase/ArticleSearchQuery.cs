namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>
/// A search over a property's articles. Drafts are returned only with <see cref="IncludeDrafts"/>,
/// which visitor-facing callers never set.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ArticleSearchQuery")]
public sealed record ArticleSearchQuery(
    [property: Id(0)] string Text,
    [property: Id(1)] Guid? KnowledgeBaseId = null,
    [property: Id(2)] Guid? CategoryId = null,
    [property: Id(3)] bool IncludeDrafts = false,
    [property: Id(4)] int Limit = 10);
