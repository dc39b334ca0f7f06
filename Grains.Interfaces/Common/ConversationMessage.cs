namespace Conversations.Grains.Interfaces.Common;

/// <summary>One stored message of a chat or ticket. Sequence numbers start at 1 and have no gaps.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ConversationMessage")]
public sealed record ConversationMessage(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string CommandId,
    [property: Id(2)] AuthorKind AuthorKind,
    [property: Id(3)] string AuthorId,
    [property: Id(4)] string AuthorName,
    [property: Id(5)] string Text,
    [property: Id(6)] bool IsInternal,
    [property: Id(7)] DateTimeOffset At,
    [property: Id(8)] IReadOnlyList<MessageAttachment>? Attachments = null);
