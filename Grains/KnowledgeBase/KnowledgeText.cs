using System.Text.RegularExpressions;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.KnowledgeBase;

namespace Conversations.Grains.KnowledgeBase;

/// <summary>The input rules shared by the knowledge base, article and shortcut grains.</summary>
public static class KnowledgeText
{
    /// <summary>A one-line text: control characters refused, surrounding whitespace trimmed, 1..max characters.</summary>
    public static string Line(string? value, int maxLength, string what)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > maxLength)
        {
            throw DomainException.Invalid($"{what} is required and must be at most {maxLength} characters long.");
        }

        return trimmed.Any(char.IsControl)
            ? throw DomainException.Invalid($"{what} cannot contain control characters.")
            : trimmed;
    }

    /// <summary>A multi-line text: line endings normalised to \n, other control characters but tab dropped, 1..max characters.</summary>
    public static string Block(string? value, int maxLength, string what)
    {
        var normalised = (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var cleaned = new string(normalised.Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray()).Trim();
        return cleaned.Length == 0 || cleaned.Length > maxLength
            ? throw DomainException.Invalid($"{what} is required and must be at most {maxLength} characters long.")
            : cleaned;
    }

    public static string Matching(string? value, Regex pattern, int maxLength, string what, string rule) =>
        value is not null && value.Length <= maxLength && pattern.IsMatch(value)
            ? value
            : throw DomainException.Invalid($"{what} '{value}' is not valid: {rule}");

    /// <summary>A name for one more item of a bounded list whose names are unique regardless of case.</summary>
    public static string NewName(string? name, IReadOnlyCollection<string> existing, int maxCount, string what, string whatPlural, string owner)
    {
        var cleaned = Line(name, KnowledgeLimits.MaxNameLength, $"A {what} name");
        if (existing.Count >= maxCount)
        {
            throw Conflict($"A {owner} can have at most {maxCount} {whatPlural}.");
        }

        return existing.Contains(cleaned, StringComparer.OrdinalIgnoreCase)
            ? throw Conflict($"A {what} named '{cleaned}' already exists.")
            : cleaned;
    }

    public static DomainException Conflict(string message) => new(DomainErrorCode.Conflict, message);
}
