using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Common;

/// <summary>Names people type (visitors, agents, properties): the text rules of <see cref="TextRules.Optional"/> at name length.</summary>
public static class DisplayName
{
    public const int MaxLength = TextRules.MaxNameLength;

    /// <summary>The cleaned name, or null when nothing is left; refuses names over <see cref="MaxLength"/> or malformed text.</summary>
    public static string? CleanOptional(string? name) => TextRules.Optional(name, MaxLength, "A name");

    /// <summary>The cleaned name; refuses an empty one, saying what it names.</summary>
    public static string Clean(string? name, string what) =>
        CleanOptional(name) ?? throw DomainException.Invalid($"{what} needs a name of 1-{MaxLength} characters.");
}
