namespace Conversations.Grains.Interfaces.Chats;

/// <summary>A visitor opens a chat on a property. Repeating it with the same values is harmless.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.StartChat")]
public sealed record StartChat(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] string VisitorId,
    [property: Id(2)] string? VisitorName);
