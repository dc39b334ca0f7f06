using System.Security.Cryptography;
using System.Text;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;

namespace Conversations.Grains.Email;

/// <summary>
/// The attachments of one inbound email, judged: those of an allowed type, size and name are kept
/// (stored as blobs before the message that lists them); each of the others gets a line in
/// <see cref="Refused"/>, which the ticket message shows, so the agent can ask for another format.
/// Ids derive from the email's key, so a redelivered email rewrites the same blobs.
/// </summary>
public sealed class InboundAttachments
{
    /// <summary>The name of the attachment that holds the whole text of an email too long for one message.</summary>
    public const string WholeTextName = "message.txt";

    private readonly List<(MessageAttachment Attachment, BinaryData Content)> _kept = [];
    private readonly List<string> _refused;

    public IReadOnlyList<string> Refused => _refused;

    private InboundAttachments(List<string> refused) => _refused = refused;

    public static InboundAttachments Read(ReceivedEmail message, string key, EmailSettings settings)
    {
        var refused = new List<string>();
        var attachments = new InboundAttachments(refused);
        foreach (var (file, index) in message.Files.Select((f, i) => (f, i)))
        {
            var name = SafeName(file.FileName);
            var bytes = file.Content.Span;
            if (attachments._kept.Count >= MessageAttachment.MaxPerMessage)
            {
                refused.Add($"{name}: a message keeps at most {MessageAttachment.MaxPerMessage} attachments");
            }
            else if (bytes.Length > settings.MaxAttachmentBytes)
            {
                refused.Add($"{name}: larger than {settings.MaxAttachmentBytes / 1024} KiB");
            }
            else if (AttachmentTypes.Judge(file.MimeType, name, bytes, out var reason) is not { } type)
            {
                refused.Add($"{name}: {reason}");
            }
            else
            {
                var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}|{index}")))[..32];
                attachments._kept.Add((new MessageAttachment(id, name, type, bytes.Length), BinaryData.FromBytes(file.Content)));
            }
        }

        return attachments;
    }

    /// <summary>
    /// Keeps the whole text of the email as a text file, listed first (the message shows only its beginning). When the
    /// message holds as many files as it may already, the sender's last one makes room and is listed as not kept.
    /// </summary>
    public void KeepWholeText(string text, string key)
    {
        if (_kept.Count >= MessageAttachment.MaxPerMessage)
        {
            var (last, _) = _kept[^1];
            _kept.RemoveAt(_kept.Count - 1);
            _refused.Add($"{last.Name}: a message keeps at most {MessageAttachment.MaxPerMessage} attachments, and one holds the whole text");
        }

        var content = BinaryData.FromString(text);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}|text")))[..32];
        _kept.Insert(0, (new MessageAttachment(id, WholeTextName, "text/plain", content.ToMemory().Length), content));
    }

    /// <summary>Stores the kept attachments under <paramref name="conversationId"/>; null when there are none.</summary>
    public async Task<IReadOnlyList<MessageAttachment>?> StoreAsync(IAttachmentStore store, Guid conversationId)
    {
        foreach (var (attachment, content) in _kept)
        {
            await store.SaveAsync(conversationId, attachment, content);
        }

        return _kept.Count == 0 ? null : _kept.Select(k => k.Attachment).ToList();
    }

    /// <summary>The sender's file name made safe to show and to download (see <see cref="AttachmentNames.Safe"/>).</summary>
    public static string SafeName(string? fileName) => AttachmentNames.Safe(fileName);
}
