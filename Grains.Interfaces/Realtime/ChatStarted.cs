namespace Conversations.Grains.Interfaces.Realtime;

[GenerateSerializer, Immutable, Alias("Conversations.ChatStarted")]
public sealed record ChatStarted(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] string VisitorId,
    [property: Id(1)] string VisitorName) : ConversationEvent(PropertyId, ConversationId, Version, At);
