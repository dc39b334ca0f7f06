using System.Text;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using MimeKit;

namespace Conversations.Grains.Email;

/// <summary>
/// The text of an inbound email as a ticket message: the plain-text part, or else the HTML part
/// sanitized and reduced to its text (messages are stored and shown as text, never as HTML).
/// Attachments that were not kept are listed at the end, each with the reason.
/// </summary>
public static class MailText
{
    private static readonly HtmlSanitizer Sanitizer = new();

    public static string Of(MimeMessage message, int maxLength, IReadOnlyList<string> notKept)
    {
        var text = message.TextBody;
        if (string.IsNullOrWhiteSpace(text) && message.HtmlBody is { } html)
        {
            text = FromHtml(html);
        }

        text = Printable(text ?? "").Trim();
        var note = notKept.Count == 0 ? "" : "\n\n[Attachments not kept:\n" + string.Join("\n", notKept.Select(n => "- " + Line(n, 300))) + "]";
        if (text.Length == 0)
        {
            text = "(no text)";
        }

        return (text.Length + note.Length > maxLength ? Cut(text, maxLength - note.Length - 1) + "…" : text) + note;
    }

    /// <summary>One line of header text: control characters removed, whitespace collapsed, cut to <paramref name="maxLength"/>.</summary>
    public static string Line(string? value, int maxLength)
    {
        var line = string.Join(' ', Printable(value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Cut(line, maxLength);
    }

    private static string FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(Sanitizer.Sanitize(html));
        foreach (var block in document.QuerySelectorAll("p, div, br, li, tr, h1, h2, h3, h4, h5, h6"))
        {
            block.Before(document.CreateTextNode("\n"));
        }

        return document.Body?.TextContent ?? "";
    }

    private static string Printable(string text)
    {
        // Enumerating runes turns lone surrogates into U+FFFD, so the result is well-formed.
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.ReplaceLineEndings("\n").EnumerateRunes())
        {
            if (rune.Value is '\n' or '\t' || !Rune.IsControl(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    private static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
