namespace Conversations.Grains.Interfaces.Common;

/// <summary>Adds and removes tags (CHAT-7, TIC-8). Tags are trimmed and lower-cased; removing an absent tag is harmless.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ChangeTags")]
public sealed record ChangeTags(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] IReadOnlyList<string>? Add,
    [property: Id(2)] IReadOnlyList<string>? Remove);
