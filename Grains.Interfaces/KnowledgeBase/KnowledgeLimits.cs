namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>
/// Bounds that keep every knowledge grain's state under the Azure Table grain storage cap (983,040 bytes).
/// Measured with three-byte characters in every text: 1,000 catalogue entries of 200-character titles took
/// 1,042,183 bytes, so titles, slugs and the entry count were cut until a catalogue with 50% more entries
/// than allowed still fits (KnowledgeStateLimitTests). Article bodies live in their own grains.
/// </summary>
public static class KnowledgeLimits
{
    public const int MaxKnowledgeBasesPerProperty = 50;
    public const int MaxNameLength = 100;
    public const int MaxCategoriesPerKnowledgeBase = 100;
    public const int MaxArticlesPerKnowledgeBase = 500;
    public const int MaxTitleLength = 150;
    public const int MaxSlugLength = 80;
    public const int MaxBodyLength = 50_000;

    /// <summary>Lowercase words of letters and digits joined by single hyphens, e.g. <c>reset-your-password</c>.</summary>
    public const string SlugPattern = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

    public const int MaxShortcutsPerProperty = 500;
    public const string ShortcutNamePattern = "^[a-z0-9][a-z0-9_-]{0,31}$";
    public const int MaxShortcutMessageLength = 4000;

    /// <summary>All shortcut messages of a property together, so one grain's state stays bounded.</summary>
    public const int MaxShortcutCharactersPerProperty = 200_000;

    public const int MaxSearchResults = 50;
    public const int MaxQueryLength = 200;
}
