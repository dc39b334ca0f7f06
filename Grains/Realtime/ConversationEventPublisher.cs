using Conversations.Grains.Interfaces.Audit;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;

namespace Conversations.Grains.Realtime;

/// <summary>
/// Puts a conversation's events on its property stream and its own stream. Called only after the change is durable; a
/// failure throws, and the conversation publishes the event again later (in version order), so every listener gets every
/// committed change, late rather than never.
/// </summary>
public static class ConversationEventPublisher
{
    /// <summary>
    /// Publishes events of one conversation, in order, on their property's stream or on the conversation's own stream: as
    /// one queue message, which listeners still receive event by event.
    /// </summary>
    public static Task PublishAsync(this Grain grain, IReadOnlyList<ConversationEvent> events, bool onPropertyStream)
    {
        // Streams carry the publisher's request context to every consumer: without this, a follower reacting to an agent's change
        // (routing assigning the next chat, say) would act as that agent. The event itself names who acted (By, AUD-1).
        AuditActors.Set(null);
        var first = events[0];
        var topic = onPropertyStream ? StreamTopics.Property(first.PropertyId) : StreamTopics.Conversation(first.ConversationId);
        var stream = grain.GetStreamProvider(ConversationsNames.StreamProvider).GetStream<ConversationEvent>(topic);
        return events.Count == 1 ? stream.OnNextAsync(first) : stream.OnNextBatchAsync(events);
    }
}
