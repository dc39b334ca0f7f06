namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>A chat was closed (CHAT-2); irreversible.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ChatClosed")]
public sealed record ChatClosed(string PropertyId, Guid ConversationId, long Version, DateTimeOffset At)
    : ConversationEvent(PropertyId, ConversationId, Version, At);
