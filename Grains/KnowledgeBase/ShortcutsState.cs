using Conversations.Grains.Interfaces.KnowledgeBase;

namespace Conversations.Grains.KnowledgeBase;

/// <summary>A property's shortcuts, kept sorted by name; bounded by <see cref="KnowledgeLimits"/>.</summary>
[GenerateSerializer, Alias("Conversations.ShortcutsState")]
public sealed class ShortcutsState
{
    [Id(0)] public List<Shortcut> Shortcuts { get; set; } = [];
}
