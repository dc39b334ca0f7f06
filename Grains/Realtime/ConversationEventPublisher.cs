using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Grains.Realtime;

/// <summary>
/// Puts a conversation's events on its property's stream, the one stream every listener follows (consoles, the
/// conversation's visitor through its web node, and the property's followers), together with what other conversations of
/// the property publish at the same time (<see cref="PropertyEventBatches"/>). Called only after the change is durable; a
/// failure throws, and the conversation publishes the event again later (in version order), so every listener gets every
/// committed change, late rather than never.
/// </summary>
public static class ConversationEventPublisher
{
    /// <summary>Publishes events of one conversation, in order; listeners receive them event by event.</summary>
    public static Task PublishAsync(this Grain grain, IReadOnlyList<ConversationEvent> events)
    {
        var stream = grain.GetStreamProvider(ConversationsNames.StreamProvider).GetStream<ConversationEvent>(StreamTopics.Property(events[0].PropertyId));
        return grain.GrainContext.ActivationServices.GetRequiredService<PropertyEventBatches>()
            .PublishAsync(events, all => all.Count == 1 ? stream.OnNextAsync(all[0]) : stream.OnNextBatchAsync(all));
    }
}
