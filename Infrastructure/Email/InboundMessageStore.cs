using System.Buffers;
using System.Security.Cryptography;
using Conversations.Grains.Email;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Conversations.Infrastructure.Email;

/// <summary>Where the SMTP listener hands each received message: parsed with MimeKit, then to <see cref="InboundMail"/>.</summary>
public sealed class InboundMessageStore(InboundMail inbound, int maxBytes, ILogger logger) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.Length > maxBytes)
        {
            return SmtpResponse.SizeLimitExceeded;
        }

        var bytes = buffer.ToArray();
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(bytes);
            message = await MimeMessage.LoadAsync(stream, cancellationToken);
        }
        catch (FormatException)
        {
            return new SmtpResponse(SmtpReplyCode.TransactionFailed, "The message is not valid MIME.");
        }

        try
        {
            var recipients = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            return Reply(await inbound.ReceiveAsync(MimeEmailReader.Read(message), recipients, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The cluster may be starting or a silo just died: the sender retries later.
            logger.LogWarning(e, "An inbound email could not be taken now");
            return new SmtpResponse((SmtpReplyCode)451, "Try again later.");
        }
    }

    private static SmtpResponse Reply(InboundVerdict verdict) => verdict.Outcome switch
    {
        InboundOutcome.Accepted => SmtpResponse.Ok,
        InboundOutcome.NoSuchMailbox => new SmtpResponse(SmtpReplyCode.MailboxUnavailable, verdict.Reason),
        _ => new SmtpResponse(SmtpReplyCode.TransactionFailed, verdict.Reason),
    };
}
