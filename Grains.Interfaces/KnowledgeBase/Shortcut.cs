namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>A canned reply; typing <c>/name</c> in the composer expands it to its message.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.Shortcut")]
public sealed record Shortcut(
    [property: Id(0)] string Name,
    [property: Id(1)] string Message,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset UpdatedAt);
