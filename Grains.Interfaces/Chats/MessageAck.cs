namespace Conversations.Grains.Interfaces.Chats;

/// <summary>Returned once a message is durable.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.MessageAck")]
public sealed record MessageAck(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset At);
