using Conversations.Grains.Messages;

namespace Conversations.Grains.Email;

/// <summary>
/// TIC-2: the message an inbound email becomes. Nothing of its text is lost: a text that fits a message
/// (<see cref="MessageText.MaxLength"/>, with the note on files not kept) is the message; a longer one is kept whole as a
/// text file attached to the message (<see cref="InboundAttachments.WholeTextName"/>, downloadable in full like any
/// attachment), and the message shows its beginning, cut at a line or word, and says where the rest is.
/// </summary>
public static class InboundBody
{
    /// <summary>How far back from the limit a cut looks for a line break or a space to cut at.</summary>
    private const int CutWindow = 400;

    public static string Compose(string text, InboundAttachments attachments, string key)
    {
        if (text.Length + MailText.NotKeptNote(attachments.Refused).Length <= MessageText.MaxLength)
        {
            return text + MailText.NotKeptNote(attachments.Refused);
        }

        attachments.KeepWholeText(text, key);
        var continued = $"\n\n[This email is {text.Length:N0} characters long: the whole text is attached as {InboundAttachments.WholeTextName}.]";
        var note = MailText.NotKeptNote(attachments.Refused);
        return Beginning(text, MessageText.MaxLength - continued.Length - note.Length - 1) + "…" + continued + note;
    }

    private static string Beginning(string text, int length)
    {
        var cut = MailText.Cut(text, Math.Max(length, 0));
        var at = cut.LastIndexOf('\n');
        if (at < cut.Length - CutWindow)
        {
            at = cut.LastIndexOf(' ');
        }

        return (at >= cut.Length - CutWindow && at > 0 ? cut[..at] : cut).TrimEnd();
    }
}
