using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Common;

/// <summary>Names people type (visitors, agents, properties): control characters removed, trimmed, bounded.</summary>
public static class DisplayName
{
    public const int MaxLength = 100;

    /// <summary>The cleaned name, or null when nothing is left; refuses names over <see cref="MaxLength"/>.</summary>
    public static string? CleanOptional(string? name)
    {
        var cleaned = new string((name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (cleaned.Length > MaxLength)
        {
            throw DomainException.Invalid($"A name can be at most {MaxLength} characters long.");
        }

        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>The cleaned name; refuses an empty one, saying what it names.</summary>
    public static string Clean(string? name, string what) =>
        CleanOptional(name) ?? throw DomainException.Invalid($"{what} needs a name of 1-{MaxLength} characters.");
}
