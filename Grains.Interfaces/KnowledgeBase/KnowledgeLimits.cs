namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>
/// Bounds that keep every knowledge grain's state well under the table entity cap (~1 MB):
/// a catalogue entry is a few hundred bytes, an article body lives in its own grain.
/// </summary>
public static class KnowledgeLimits
{
    public const int MaxKnowledgeBasesPerProperty = 50;
    public const int MaxNameLength = 100;
    public const int MaxCategoriesPerKnowledgeBase = 100;
    public const int MaxArticlesPerKnowledgeBase = 1000;
    public const int MaxTitleLength = 200;
    public const int MaxSlugLength = 100;
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
