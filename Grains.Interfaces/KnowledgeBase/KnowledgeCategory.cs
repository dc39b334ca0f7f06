namespace Conversations.Grains.Interfaces.KnowledgeBase;

[GenerateSerializer, Immutable, Alias("Conversations.KnowledgeCategory")]
public sealed record KnowledgeCategory(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name);
