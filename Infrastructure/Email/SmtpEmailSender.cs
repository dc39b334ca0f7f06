using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Email;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Conversations.Infrastructure.Email;

/// <summary>
/// Sends with MailKit over SMTP, one connection per email (the outbox sends few, and retries are simpler). A reply's files
/// are read from the attachment store as the email is built (at most EmailSettings.MaxEmailAttachmentBytes together).
/// What MailKit throws when the email is not taken becomes an <see cref="EmailNotSentException"/>: permanent for an SMTP 5xx reply.
/// </summary>
public sealed class SmtpEmailSender(EmailSettings settings, IAttachmentStore files) : IEmailSender
{
    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        try
        {
            await SendWithMailKitAsync(email, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            throw new EmailNotSentException($"{(int)e.StatusCode} {e.Message}", permanent: (int)e.StatusCode >= 500, e);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or Azure.RequestFailedException or System.Net.Sockets.SocketException or TimeoutException
            or OperationCanceledException or ServiceNotConnectedException)
        {
            throw new EmailNotSentException(e.Message, permanent: false, e);
        }
    }

    private async Task SendWithMailKitAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        if (email.ReplyTo.Length > 0)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(email.ReplyTo));
        }

        message.Subject = email.Subject;
        message.MessageId = email.MessageId;
        if (email.ThreadRoot.Length > 0)
        {
            message.InReplyTo = email.ThreadRoot;
            message.References.Add(email.ThreadRoot);
        }

        message.Date = email.CreatedAt;
        if (email.Kind != EmailKind.Reply)
        {
            message.Headers.Add("Auto-Submitted", "auto-generated");
        }

        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var file in email.Attachments ?? [])
        {
            // Gone only when the ticket was purged (its outbox goes too) or storage lost it: sending again would not bring it back.
            var content = await files.ReadAsync(email.TicketId, file.Id, cancellationToken)
                ?? throw new EmailNotSentException($"The file {file.Name} of this reply is no longer stored.", permanent: true);
            body.Attachments.Add(file.Name, content.ToArray(), ContentType.Parse(file.ContentType));
        }

        message.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.SmtpHost ?? "localhost", settings.SmtpPort, SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
