using Conversations.Grains.Interfaces.Chats;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>The visitor rated the chat (CHAT-8).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ChatRated")]
public sealed record ChatRated(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] ChatRating Rating) : ConversationEvent(PropertyId, ConversationId, Version, At);
