using System.Text;
using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Messages;

/// <summary>The rules every message body passes before it is stored.</summary>
public static class MessageText
{
    public const int MaxLength = 4000;

    /// <summary>
    /// Returns the text to store: line endings normalised to \n, control characters other than
    /// newline and tab removed, surrounding whitespace trimmed. Refuses empty, oversized and malformed text.
    /// </summary>
    public static string Clean(string? text)
    {
        if (text is null)
        {
            throw DomainException.Invalid("A message needs text.");
        }

        if (text.Length > MaxLength * 2)
        {
            throw TooLong();
        }

        if (!TextRules.IsWellFormed(text))
        {
            throw DomainException.Invalid("A message must be well-formed Unicode text.");
        }

        var cleaned = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c == '\r')
            {
                // A line ending of its own (old Mac style), not a character to drop: dropping it glued two lines into one word.
                cleaned.Append('\n');
            }
            else if (c is '\n' or '\t' || !char.IsControl(c))
            {
                cleaned.Append(c);
            }
        }

        var result = cleaned.ToString().Trim();
        if (result.Length == 0)
        {
            throw DomainException.Invalid("A message cannot be empty.");
        }

        return result.Length > MaxLength ? throw TooLong() : result;
    }

    private static DomainException TooLong() =>
        DomainException.Invalid($"A message can be at most {MaxLength} characters long.");
}
