namespace Conversations.Grains.Email;

/// <summary>
/// An email the mail server did not take. <see cref="Permanent"/>: the server refused it for good (an SMTP 5xx reply), so the
/// outbox dead-letters it at once; otherwise (a 4xx reply, no connection, a timeout) the outbox tries again later.
/// </summary>
public sealed class EmailNotSentException(string message, bool permanent, Exception? innerException = null) : Exception(message, innerException)
{
    public bool Permanent { get; } = permanent;
}
