using System.Globalization;
using System.Net;
using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;

namespace Conversations.Grains.Email;

/// <summary>The subject and the plain-text and HTML bodies of each kind of email. All user text is HTML-encoded in the HTML body.</summary>
public static class EmailTemplates
{
    public static (string Subject, string Text, string Html) Render(EmailIntent intent, string recipientName)
    {
        // Every user-supplied string put into a line of ours is isolated, so it cannot reorder the line (bidi spoofing).
        var title = BidiIsolation.Isolate(intent.Subject);
        var author = BidiIsolation.Isolate(intent.AuthorName);
        var (subject, lead, body) = intent.Kind switch
        {
            EmailKind.Reply => ($"Re: {title}", $"{author} replied to your request:", Join(intent.Text, FileList(FilesFor(intent)))),
            EmailKind.Assigned => ($"[Assigned] {title}", $"The ticket \"{title}\" from {Requester(intent)} is assigned to you.", null),
            EmailKind.AssignmentNotice => ($"Re: {title}", "Your request has been assigned to a member of our team, who will get back to you.", null),
            EmailKind.ReplyNotification => ($"[New message] {title}", $"{author} wrote on the ticket \"{title}\":", intent.Text),
            EmailKind.SlaBreached => ($"[SLA breached] {title}", $"\"{title}\", assigned to you, missed its target:", intent.Text),
            _ => throw new ArgumentOutOfRangeException(nameof(intent), intent.Kind, "Unknown email kind."),
        };
        var greeting = $"Hello {BidiIsolation.Isolate(recipientName)},";
        var text = string.Join("\n\n", new[] { greeting, lead, body }.OfType<string>()) + "\n";
        var html = "<!DOCTYPE html><html><body>"
            + string.Concat(new[] { greeting, lead, body }.OfType<string>().Select(Paragraph))
            + "</body></html>";
        return (subject, text, html);
    }

    /// <summary>The files an email carries: a reply's, to the requester. Notifications to agents name none (the console shows them).</summary>
    public static IReadOnlyList<MessageAttachment>? FilesFor(EmailIntent intent) =>
        intent.Kind == EmailKind.Reply && intent.Attachments is { Count: > 0 } files ? files : null;

    /// <summary>A file size as people read it: 512 B, 13 KB, 2.4 MB.</summary>
    public static string Size(long bytes) =>
        bytes < 1024 ? $"{bytes} B"
        : bytes < 1024 * 1024 ? $"{(long)Math.Ceiling(bytes / 1024.0)} KB"
        : (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string? FileList(IReadOnlyList<MessageAttachment>? files) =>
        files is null ? null : "Attached: " + string.Join(", ", files.Select(f => $"{BidiIsolation.Isolate(f.Name)} ({Size(f.Size)})"));

    private static string? Join(string? text, string? files) =>
        string.IsNullOrWhiteSpace(text) ? files : files is null ? text : $"{text}\n\n{files}";

    private static string Requester(EmailIntent intent) =>
        intent.Requester.Name is { } name ? $"{BidiIsolation.Isolate(name)} <{intent.Requester.Email}>" : intent.Requester.Email;

    private static string Paragraph(string text) =>
        "<p>" + WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>";
}
