using System.Globalization;

namespace Conversations.Grains.Interfaces.Common;

/// <summary>
/// The one rule for every id that becomes (part of) a storage key: a grain key, which Orleans stores as
/// an Azure Table PartitionKey, or a PartitionKey/RowKey of our own tables. Azure refuses / \ # ?, control
/// characters and keys over 1 KiB; Orleans silently turns / \ # ? into '_' (so "a#b" and "a_b" would share
/// one stored row) and adds the grain type and service id to the key. Anything else is refused here with a
/// clear message instead of failing in storage.
/// </summary>
public static class TableKeys
{
    /// <summary>Far below the 1 KiB of a table key, leaving room for what Orleans and our prefixes add.</summary>
    public const int MaxLength = 256;

    public const string Rule = "1-256 characters, without spaces at either end, control or formatting characters, or any of / \\ # ?";

    /// <summary>Why <paramref name="key"/> cannot be a storage key, or null when it can.</summary>
    public static string? Problem(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "it is empty";
        }

        if (key.Length > MaxLength)
        {
            return $"it is {key.Length} characters long (at most {MaxLength})";
        }

        if (char.IsWhiteSpace(key[0]) || char.IsWhiteSpace(key[^1]))
        {
            return "it starts or ends with a space";
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (char.IsHighSurrogate(c) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "it holds malformed Unicode";
            }

            if (c is '/' or '\\' or '#' or '?')
            {
                return $"it holds '{c}'";
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return $"it holds the invisible character U+{(int)c:X4}";
            }
        }

        return null;
    }

    public static bool IsValid(string? key) => Problem(key) is null;

    /// <summary>Returns <paramref name="key"/> unchanged, or refuses it (422) naming <paramref name="what"/> and the reason.</summary>
    public static string Require(string? key, string what) =>
        Problem(key) is { } problem
            ? throw DomainException.Invalid($"{what} is not valid: {problem}. An id is {Rule}.")
            : key!;
}
