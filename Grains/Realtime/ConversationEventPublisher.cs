using Conversations.Grains.Interfaces.Audit;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;

namespace Conversations.Grains.Realtime;

/// <summary>
/// Puts a conversation's events on its property's stream, the one stream every listener follows (consoles, the
/// conversation's visitor through its web node, and the property's followers). Called only after the change is durable; a
/// failure throws, and the conversation publishes the event again later (in version order), so every listener gets every
/// committed change, late rather than never.
/// </summary>
public static class ConversationEventPublisher
{
    /// <summary>Publishes events of one conversation, in order, as one queue message, which listeners still receive event by event.</summary>
    public static Task PublishAsync(this Grain grain, IReadOnlyList<ConversationEvent> events)
    {
        // Streams carry the publisher's request context to every consumer: without this, a follower reacting to an agent's change
        // (routing assigning the next chat, say) would act as that agent. The event itself names who acted (By, AUD-1).
        AuditActors.Set(null);
        var first = events[0];
        var stream = grain.GetStreamProvider(ConversationsNames.StreamProvider).GetStream<ConversationEvent>(StreamTopics.Property(first.PropertyId));
        return events.Count == 1 ? stream.OnNextAsync(first) : stream.OnNextBatchAsync(events);
    }
}
