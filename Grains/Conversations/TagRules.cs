using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Conversations;

/// <summary>Tags on chats and tickets (CHAT-7, TIC-8): trimmed, lower-cased, short, few.</summary>
public static class TagRules
{
    public const int MaxLength = 32;
    public const int MaxTags = 20;

    public static string Normalize(string? tag)
    {
        var normalized = tag?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(normalized))
        {
            throw DomainException.Invalid("A tag cannot be empty.");
        }

        if (normalized.Length > MaxLength)
        {
            throw DomainException.Invalid($"A tag can be at most {MaxLength} characters long.");
        }

        if (!normalized.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.'))
        {
            throw DomainException.Invalid("A tag may contain only letters, digits, spaces, '-', '_' and '.'.");
        }

        return normalized;
    }

    /// <summary>The tags after removing <paramref name="remove"/> and then adding <paramref name="add"/>, in order, without duplicates.</summary>
    public static List<string> Apply(IReadOnlyList<string> current, IReadOnlyList<string>? add, IReadOnlyList<string>? remove)
    {
        var count = (add?.Count ?? 0) + (remove?.Count ?? 0);
        if (count == 0)
        {
            throw DomainException.Invalid("Name at least one tag to add or remove.");
        }

        if (count > MaxTags * 2)
        {
            throw DomainException.Invalid($"At most {MaxTags * 2} tags can be changed at once.");
        }

        var removed = (remove ?? []).Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var result = current.Where(t => !removed.Contains(t)).ToList();
        foreach (var tag in (add ?? []).Select(Normalize))
        {
            if (!result.Contains(tag, StringComparer.Ordinal))
            {
                result.Add(tag);
            }
        }

        return result.Count > MaxTags
            ? throw DomainException.Invalid($"A conversation can have at most {MaxTags} tags.")
            : result;
    }
}
