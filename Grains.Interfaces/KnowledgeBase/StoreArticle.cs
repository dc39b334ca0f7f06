namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>Sent by a knowledge base grain to an article grain once the catalogue has accepted the input.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.StoreArticle")]
public sealed record StoreArticle(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] Guid KnowledgeBaseId,
    [property: Id(2)] ArticleInput Input);
