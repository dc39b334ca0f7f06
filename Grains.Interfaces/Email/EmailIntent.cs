using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Interfaces.Email;

/// <summary>
/// An email a ticket change calls for, written in the ticket's own state in the same write as the
/// change. <see cref="Version"/> is the ticket version of that change; with <see cref="Kind"/> it
/// identifies the email, so handing it to the outbox again is harmless.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.EmailIntent")]
public sealed record EmailIntent(
    [property: Id(0)] long Version,
    [property: Id(1)] EmailKind Kind,
    [property: Id(2)] string PropertyId,
    [property: Id(3)] string Subject,
    [property: Id(4)] TicketRequester Requester,
    [property: Id(5)] ConversationAssignee? Assignee,
    [property: Id(6)] string? AuthorId,
    [property: Id(7)] string? AuthorName,
    [property: Id(8)] string? Text,
    [property: Id(9)] IReadOnlyList<MessageAttachment>? Attachments = null);
