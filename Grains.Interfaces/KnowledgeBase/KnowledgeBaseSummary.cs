namespace Conversations.Grains.Interfaces.KnowledgeBase;

[GenerateSerializer, Immutable, Alias("Conversations.KnowledgeBaseSummary")]
public sealed record KnowledgeBaseSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset CreatedAt);
