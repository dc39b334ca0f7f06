using Conversations.Grains.Email;
using MimeKit;

namespace Conversations.Infrastructure.Email;

/// <summary>Reads a MIME message (MimeKit) into what the inbound rules judge: headers, bodies, and each attachment decoded.</summary>
public static class MimeEmailReader
{
    public static ReceivedEmail Read(MimeMessage message)
    {
        var from = message.From.Mailboxes.FirstOrDefault();
        return new ReceivedEmail(
            message.MessageId, from?.Address, from?.Name, message.Subject, message.Headers[HeaderId.AutoSubmitted],
            message.InReplyTo, message.References.ToList(), message.TextBody, message.HtmlBody,
            message.Attachments.Select(File).ToList());
    }

    private static ReceivedFile File(MimeEntity entity)
    {
        using var content = new MemoryStream();
        if (entity is MimePart part)
        {
            part.Content?.DecodeTo(content);
        }
        else if (entity is MessagePart attached)
        {
            attached.Message?.WriteTo(content);
        }

        return new ReceivedFile(entity.ContentDisposition?.FileName ?? entity.ContentType.Name, entity.ContentType.MimeType, content.ToArray());
    }
}
