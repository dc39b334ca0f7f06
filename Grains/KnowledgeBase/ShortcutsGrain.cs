using System.Text.RegularExpressions;
using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.KnowledgeBase;

namespace Conversations.Grains.KnowledgeBase;

public sealed partial class ShortcutsGrain(
    [PersistentState("shortcuts", ConversationsNames.GrainStorage)] IPersistentState<ShortcutsState> state,
    TimeProvider clock) : Grain, IShortcutsGrain
{
    private List<Shortcut> Shortcuts => state.State.Shortcuts;

    public async Task<Shortcut> CreateAsync(ShortcutInput input)
    {
        var (name, message) = Validate(input, replacing: null);
        if (Shortcuts.Count >= KnowledgeLimits.MaxShortcutsPerProperty)
        {
            throw KnowledgeText.Conflict($"A property can have at most {KnowledgeLimits.MaxShortcutsPerProperty} shortcuts.");
        }

        var now = clock.GetUtcNow();
        var shortcut = new Shortcut(name, message, now, now);
        Shortcuts.Add(shortcut);
        return await SaveAsync(shortcut);
    }

    public async Task<Shortcut> UpdateAsync(string name, ShortcutInput input)
    {
        var index = IndexOf(name);
        var existing = Shortcuts[index];
        var (newName, message) = Validate(input, replacing: existing);
        Shortcuts[index] = existing with { Name = newName, Message = message, UpdatedAt = clock.GetUtcNow() };
        return await SaveAsync(Shortcuts[index]);
    }

    public async Task DeleteAsync(string name)
    {
        Shortcuts.RemoveAt(IndexOf(name));
        await this.PersistAsync(state.WriteStateAsync);
    }

    public Task<IReadOnlyList<Shortcut>> ListAsync() => Task.FromResult<IReadOnlyList<Shortcut>>(Shortcuts.ToList());

    public Task<IReadOnlyList<Shortcut>> SearchAsync(string keyword, int limit)
    {
        var word = (keyword ?? "").Trim().TrimStart('/');
        if (word.Length > KnowledgeLimits.MaxQueryLength || limit is < 1 or > KnowledgeLimits.MaxSearchResults)
        {
            throw DomainException.Invalid(
                $"A keyword can be at most {KnowledgeLimits.MaxQueryLength} characters and the limit must be 1 to {KnowledgeLimits.MaxSearchResults}.");
        }

        IReadOnlyList<Shortcut> found = Shortcuts
            .Select(s => (Shortcut: s, Rank: Rank(s, word)))
            .Where(r => r.Rank < int.MaxValue)
            .OrderBy(r => r.Rank)
            .ThenBy(r => r.Shortcut.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(r => r.Shortcut)
            .ToList();
        return Task.FromResult(found);
    }

    public Task<Shortcut> ExpandAsync(string name) => Task.FromResult(Shortcuts[IndexOf(name)]);

    /// <summary>0 exact name, 1 name prefix, 2 name contains, 3 message contains; int.MaxValue no match.</summary>
    private static int Rank(Shortcut shortcut, string word)
    {
        if (word.Length == 0)
        {
            return 0;
        }

        var inName = shortcut.Name.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        return inName switch
        {
            0 when shortcut.Name.Length == word.Length => 0,
            0 => 1,
            > 0 => 2,
            _ => shortcut.Message.Contains(word, StringComparison.OrdinalIgnoreCase) ? 3 : int.MaxValue,
        };
    }

    private (string Name, string Message) Validate(ShortcutInput input, Shortcut? replacing)
    {
        var name = KnowledgeText.Matching(input.Name, NameRegex(), 32, "The shortcut name",
            "start with a lowercase letter or digit, then up to 31 lowercase letters, digits, '_' or '-'.");
        var message = KnowledgeText.Block(input.Message, KnowledgeLimits.MaxShortcutMessageLength, "A shortcut message");
        if (name != replacing?.Name && Shortcuts.Exists(s => s.Name == name))
        {
            throw KnowledgeText.Conflict($"A shortcut named '{name}' already exists.");
        }

        var total = Shortcuts.Sum(s => s.Message.Length) - (replacing?.Message.Length ?? 0) + message.Length;
        return total > KnowledgeLimits.MaxShortcutCharactersPerProperty
            ? throw KnowledgeText.Conflict($"A property's shortcuts can hold at most {KnowledgeLimits.MaxShortcutCharactersPerProperty} characters in all.")
            : (name, message);
    }

    private async Task<Shortcut> SaveAsync(Shortcut shortcut)
    {
        Shortcuts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        await this.PersistAsync(state.WriteStateAsync);
        return shortcut;
    }

    private int IndexOf(string name)
    {
        var index = Shortcuts.FindIndex(s => s.Name == name);
        return index >= 0 ? index : throw DomainException.NotFound($"The shortcut '{name}'");
    }

    [GeneratedRegex(KnowledgeLimits.ShortcutNamePattern)]
    private static partial Regex NameRegex();
}
