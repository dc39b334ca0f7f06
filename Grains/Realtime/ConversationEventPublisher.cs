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
    /// <summary>Publishes <paramref name="evt"/> on its property's stream, or on its conversation's own stream.</summary>
    public static Task PublishAsync(this Grain grain, ConversationEvent evt, bool onPropertyStream)
    {
        // Streams carry the publisher's request context to every consumer: without this, a follower reacting to an agent's change
        // (routing assigning the next chat, say) would act as that agent. The event itself names who acted (By, AUD-1).
        AuditActors.Set(null);
        var topic = onPropertyStream ? StreamTopics.Property(evt.PropertyId) : StreamTopics.Conversation(evt.ConversationId);
        return grain.GetStreamProvider(ConversationsNames.StreamProvider).GetStream<ConversationEvent>(topic).OnNextAsync(evt);
    }
}
