using MailKit.Net.Smtp;
using MimeKit;

namespace Conversations.Tests.Infrastructure;

/// <summary>Sends a MimeKit message with MailKit to the silo's inbound listener, as a mail server would.</summary>
public static class MailSender
{
    public static async Task SendAsync(int port, MimeMessage message)
    {
        using var client = new SmtpClient();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                await client.ConnectAsync("127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
                break;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }

        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }

    public static MimeMessage Message(string from, string to, string subject, string text)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("sender.test");
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}
