using Conversations.Grains.Interfaces.Email;

namespace Conversations.Grains.Email;

public interface IEmailSender
{
    /// <summary>Hands the email to the SMTP server; throws <see cref="MailKit.Net.Smtp.SmtpCommandException"/> when it is refused.</summary>
    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}
