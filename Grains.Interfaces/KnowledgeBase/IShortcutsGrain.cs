namespace Conversations.Grains.Interfaces.KnowledgeBase;

/// <summary>A property's shortcuts (canned replies), keyed by property id.</summary>
[Alias("Conversations.IShortcutsGrain")]
public interface IShortcutsGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<Shortcut> CreateAsync(ShortcutInput input);

    /// <summary>Changes the message and, when <paramref name="input"/> names another, the name.</summary>
    [Alias("Update")]
    Task<Shortcut> UpdateAsync(string name, ShortcutInput input);

    [Alias("Delete")]
    Task DeleteAsync(string name);

    [Alias("List")]
    Task<IReadOnlyList<Shortcut>> ListAsync();

    /// <summary>Shortcuts whose name or message contains the keyword; name matches first.</summary>
    [Alias("Search")]
    Task<IReadOnlyList<Shortcut>> SearchAsync(string keyword, int limit);

    /// <summary>The shortcut named exactly <paramref name="name"/> (what <c>/name</c> expands to).</summary>
    [Alias("Expand")]
    Task<Shortcut> ExpandAsync(string name);
}
