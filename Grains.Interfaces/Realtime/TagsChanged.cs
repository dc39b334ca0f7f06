namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>The tags of a chat or ticket changed (CHAT-7, TIC-8).</summary>
[GenerateSerializer, Immutable, Alias("Conversations.TagsChanged")]
public sealed record TagsChanged(
    string PropertyId,
    Guid ConversationId,
    long Version,
    DateTimeOffset At,
    [property: Id(0)] IReadOnlyList<string> Tags) : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    public override bool VisibleToVisitor => false;
}
