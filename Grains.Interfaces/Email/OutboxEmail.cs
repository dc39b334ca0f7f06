using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Email;

/// <summary>
/// One rendered email to one recipient. <see cref="MessageId"/> is derived from <see cref="DedupeKey"/>. <see cref="Attachments"/> (a reply's
/// files) are read from the ticket's stored files when the email is sent, so the outbox state holds only their names and sizes.
/// <see cref="ReplyTo"/> and <see cref="ThreadRoot"/> are empty for a notice that belongs to no ticket (an SLA breach): it is sent
/// without a Reply-To and outside any thread.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.OutboxEmail")]
public sealed record OutboxEmail(
    [property: Id(0)] string DedupeKey,
    [property: Id(1)] string MessageId,
    [property: Id(2)] string PropertyId,
    [property: Id(3)] Guid TicketId,
    [property: Id(4)] EmailKind Kind,
    [property: Id(5)] string To,
    [property: Id(6)] string ReplyTo,
    [property: Id(7)] string ThreadRoot,
    [property: Id(8)] string Subject,
    [property: Id(9)] string TextBody,
    [property: Id(10)] string HtmlBody,
    [property: Id(11)] OutboxEmailStatus Status,
    [property: Id(12)] int Attempts,
    [property: Id(13)] DateTimeOffset NextAttemptAt,
    [property: Id(14)] string? LastError,
    [property: Id(15)] DateTimeOffset CreatedAt,
    [property: Id(16)] IReadOnlyList<MessageAttachment>? Attachments = null)
{
    /// <summary>The record kept once the email is done with: who, what and why, without the text (which is on the ticket).</summary>
    public OutboxEmail WithoutBodies() => this with { TextBody = "", HtmlBody = "" };
}
