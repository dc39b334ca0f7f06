using System.Collections.Concurrent;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Orleans.Streams;

namespace Conversations.Tests.Infrastructure;

/// <summary>Records every event on a property's stream (or those of one conversation), for tests that check what was published.</summary>
public sealed class EventRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<ConversationEvent> _events = new();
    private StreamSubscriptionHandle<ConversationEvent>? _subscription;

    public static async Task<EventRecorder> StartAsync(IClusterClient client, string propertyId, Guid? conversationId = null)
    {
        var recorder = new EventRecorder();
        var stream = client.GetStreamProvider(ConversationsNames.StreamProvider).GetStream<ConversationEvent>(StreamTopics.Property(propertyId));
        recorder._subscription = await stream.SubscribeAsync((evt, _) =>
        {
            if (conversationId is null || evt.ConversationId == conversationId)
            {
                recorder._events.Enqueue(evt);
            }

            return Task.CompletedTask;
        });
        return recorder;
    }

    /// <summary>
    /// The events that match <paramref name="filter"/>, in version order, once at least <paramref name="count"/>
    /// have arrived (or fails after 10 s). A new subscriber may also get events from before it subscribed.
    /// </summary>
    public async Task<IReadOnlyList<ConversationEvent>> WaitForAsync(int count, Func<ConversationEvent, bool> filter)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var matching = _events.Where(filter).OrderBy(e => e.Version).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Only {matching.Count} of {count} events arrived within 10 s.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_subscription is not null)
        {
            await _subscription.UnsubscribeAsync();
        }
    }
}
