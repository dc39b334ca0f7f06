namespace Conversations.Grains.Email;

/// <summary>
/// What the inbound rules read of a received email, parsed by the SMTP listener: the sender (first From mailbox), the
/// threading headers, the text and HTML bodies, and the attached files decoded.
/// </summary>
public sealed record ReceivedEmail(
    string? MessageId,
    string? FromAddress,
    string? FromName,
    string? Subject,
    string? AutoSubmitted,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string? TextBody,
    string? HtmlBody,
    IReadOnlyList<ReceivedFile> Files);
