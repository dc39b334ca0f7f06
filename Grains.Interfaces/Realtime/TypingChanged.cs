using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>
/// Someone started or stopped typing in a conversation (OPS-2): published by the web node that heard it, on the property's
/// typing stream (agents) and, from an agent, on the property's visitor typing stream (its visitor), so every web node delivers it. Never stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.TypingChanged")]
public sealed record TypingChanged(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] AuthorKind AuthorKind,
    [property: Id(2)] string? AuthorName,
    [property: Id(3)] bool IsTyping) : IConversationScoped;
