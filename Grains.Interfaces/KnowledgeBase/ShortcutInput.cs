namespace Conversations.Grains.Interfaces.KnowledgeBase;

[GenerateSerializer, Immutable, Alias("Conversations.ShortcutInput")]
public sealed record ShortcutInput(
    [property: Id(0)] string Name,
    [property: Id(1)] string Message);
