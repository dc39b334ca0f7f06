using Conversations.Grains.Interfaces.Email;

namespace Conversations.Grains.Email;

public interface IEmailSender
{
    /// <summary>Hands the email to the mail server; throws <see cref="EmailNotSentException"/> when it is not taken.</summary>
    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}
