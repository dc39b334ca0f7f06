using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Conversations.Grains.Email;

/// <summary>
/// The text of an inbound email: the plain-text part, or else the HTML part sanitized and reduced to its text
/// (messages are stored and shown as text, never as HTML). Line breaks are kept, whatever the sender's line endings
/// or markup (blocks, line breaks, table rows and cells); control characters go. Nothing is cut here: the whole text
/// is kept (<see cref="InboundBody"/> decides how a long one is stored).
/// </summary>
public static partial class MailText
{
    private static readonly HtmlSanitizer Sanitizer = new();

    /// <summary>Elements whose content starts on a line of its own.</summary>
    private const string Blocks = "address, article, aside, blockquote, dd, div, dl, dt, fieldset, figcaption, figure, footer, form, "
        + "h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, section, table, tr, ul";

    public static string Of(string? textBody, string? htmlBody)
    {
        var text = textBody;
        if (string.IsNullOrWhiteSpace(text) && htmlBody is { } html)
        {
            text = FromHtml(html);
        }

        text = Printable(text ?? "").Trim();
        return text.Length == 0 ? "(no text)" : text;
    }

    /// <summary>The "[Attachments not kept: …]" lines a message ends with (the first ten, then how many more), or "" when every file was kept.</summary>
    public static string NotKeptNote(IReadOnlyList<string> notKept)
    {
        const int Listed = 10;
        if (notKept.Count == 0)
        {
            return "";
        }

        var lines = notKept.Take(Listed).Select(n => "- " + Line(n, 200)).ToList();
        if (notKept.Count > Listed)
        {
            lines.Add($"- and {notKept.Count - Listed} more");
        }

        return "\n\n[Attachments not kept:\n" + string.Join("\n", lines) + "]";
    }

    /// <summary>One line of header text: control characters removed, whitespace collapsed, cut to <paramref name="maxLength"/>.</summary>
    public static string Line(string? value, int maxLength)
    {
        var line = string.Join(' ', Printable(value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Cut(line, maxLength);
    }

    /// <summary>The first <paramref name="length"/> characters at most, never splitting a surrogate pair.</summary>
    public static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];

    private static string FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(Sanitizer.Sanitize(html));

        // HTML folds line breaks in its source into spaces; its blocks, breaks, rows and cells are the lines and gaps.
        foreach (var text in document.Body?.Descendants<IText>().ToList() ?? [])
        {
            var data = text.Data.Replace(LineBreak, "", StringComparison.Ordinal).Replace(Paragraph, "", StringComparison.Ordinal);
            text.Data = text.ParentElement?.Closest("pre") is null ? data.ReplaceLineEndings(" ") : data;
        }

        // As a browser's innerText: a block starts and ends a line, a paragraph is set apart by a blank line, cells by tabs.
        foreach (var block in document.QuerySelectorAll(Blocks))
        {
            var marker = block.LocalName == "p" ? Paragraph : LineBreak;
            block.Before(document.CreateTextNode(marker));
            block.After(document.CreateTextNode(marker));
        }

        foreach (var br in document.QuerySelectorAll("br"))
        {
            br.Before(document.CreateTextNode("\n"));
        }

        foreach (var cell in document.QuerySelectorAll("td, th"))
        {
            cell.Before(document.CreateTextNode("\t"));
        }

        return TrimLines(Breaks().Replace(document.Body?.TextContent ?? "", run => run.Value.Contains(Paragraph, StringComparison.Ordinal) ? "\n\n" : "\n"));
    }

    /// <summary>Private-use characters that stand for the line breaks blocks call for, until they are counted.</summary>
    private const string LineBreak = "\uE000";

    private const string Paragraph = "\uE001";

    /// <summary>A run of block boundaries, with the blanks between them: it makes one line break, or a blank line around a paragraph.</summary>
    [GeneratedRegex("[ \t]*[\uE000\uE001][\uE000\uE001 \t]*")]
    private static partial Regex Breaks();

    /// <summary>No blanks at the ends of lines (left by the markup, not the sender), and no blank lines at the ends.</summary>
    private static string TrimLines(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.TrimEnd(' ', '\t'))).Trim('\n');

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
}
