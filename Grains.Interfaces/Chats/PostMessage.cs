using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Chats;

/// <summary>
/// A message to append. <see cref="CommandId"/> is the client's idempotency key: the same id
/// posted again returns the first acknowledgement and stores nothing new.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.PostMessage")]
public sealed record PostMessage(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] string CommandId,
    [property: Id(2)] AuthorKind AuthorKind,
    [property: Id(3)] string AuthorId,
    [property: Id(4)] string AuthorName,
    [property: Id(5)] string Text,
    [property: Id(6)] IReadOnlyList<MessageAttachment>? Attachments = null);
