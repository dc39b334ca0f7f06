using Conversations.Grains.Interfaces.Audit;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Realtime;

/// <summary>
/// Puts a conversation's events on its property stream and its own stream. Called only after the
/// change is durable; a failure here is logged, not thrown, because the change is already
/// acknowledged-safe and listeners repair missed versions by refetching.
/// </summary>
public static class ConversationEventPublisher
{
    public static async Task PublishAsync(this Grain grain, ConversationEvent evt, ILogger logger)
    {
        // Streams carry the publisher's request context to every consumer: without this, a follower reacting to an agent's change
        // (routing assigning the next chat, say) would act as that agent. The event itself names who acted (By, AUD-1).
        AuditActors.Set(null);
        try
        {
            var provider = grain.GetStreamProvider(ConversationsNames.StreamProvider);
            await provider.GetStream<ConversationEvent>(StreamTopics.Property(evt.PropertyId)).OnNextAsync(evt);
            await provider.GetStream<ConversationEvent>(StreamTopics.Conversation(evt.ConversationId)).OnNextAsync(evt);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Publishing {EventType} v{Version} of {ConversationId} failed; listeners will refetch.",
                evt.GetType().Name, evt.Version, evt.ConversationId);
        }
    }
}
