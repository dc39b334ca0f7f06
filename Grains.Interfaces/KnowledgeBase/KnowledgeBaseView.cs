namespace Conversations.Grains.Interfaces.KnowledgeBase;

[GenerateSerializer, Immutable, Alias("Conversations.KnowledgeBaseView")]
public sealed record KnowledgeBaseView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string PropertyId,
    [property: Id(2)] string Name,
    [property: Id(3)] IReadOnlyList<KnowledgeCategory> Categories,
    [property: Id(4)] IReadOnlyList<ArticleSummary> Articles,
    [property: Id(5)] long Version);
