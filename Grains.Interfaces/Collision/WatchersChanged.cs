namespace Conversations.Grains.Interfaces.Collision;

/// <summary>
/// COL-1: who views and who replies in a conversation now (the whole list; empty when nobody). Published on the property's
/// watchers stream (<see cref="Realtime.StreamTopics.Watchers"/>), sent to consoles as the hub message "watchers". Never stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.WatchersChanged")]
public sealed record WatchersChanged(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] IReadOnlyList<ConversationWatcher> Watchers);
