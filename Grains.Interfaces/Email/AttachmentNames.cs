using System.Globalization;
using System.Text;

namespace Conversations.Grains.Interfaces.Email;

/// <summary>File names of attachments as the product keeps them, whoever sent the file (an email, an agent, a visitor).</summary>
public static class AttachmentNames
{
    public const int MaxLength = 100;

    /// <summary>
    /// The last path segment of a sender's file name, without control, format (bidi) or shell-special
    /// characters, whitespace runs folded, and cut to a length that keeps the extension.
    /// </summary>
    public static string Safe(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (UnicodeCategory.Control or UnicodeCategory.Format
                    or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                && !"\"<>:|?*;%".Contains(rune.ToString(), StringComparison.Ordinal))
            {
                builder.Append(rune.ToString());
            }
        }

        name = builder.ToString().Trim().Trim('.').Trim();
        var extension = Path.GetExtension(name);
        if (name.Length > MaxLength)
        {
            extension = extension.Length > 10 ? "" : extension;
            name = Cut(string.Join(' ', name[..^extension.Length].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), MaxLength - extension.Length) + extension;
        }

        return name.Length == 0 || name == extension ? "attachment" + extension : name;
    }

    private static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
