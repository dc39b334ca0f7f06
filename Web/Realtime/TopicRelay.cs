using Conversations.Grains.Interfaces.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Conversations.Web.Realtime;

/// <summary>
/// Holds at most one stream subscription per topic on this web node, shared by every local
/// connection listening to it, and releases it when the last one leaves. Each event is sent once
/// per SignalR group, whatever the number of connections in it.
/// </summary>
public sealed class TopicRelay(IClusterClient client, RealtimeDelivery delivery, ILogger<TopicRelay> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<StreamId, Topic> _topics = [];

    public async Task JoinAsync<TEvent>(Audience audience, HubGroups groups, string connectionId)
        where TEvent : notnull
    {
        await _gate.WaitAsync();
        try
        {
            if (!TryGetTopic(groups.Topic, out var topic))
            {
                topic = new Topic();
                var stream = client.GetStreamProvider(ConversationsNames.StreamProvider).GetStream<TEvent>(groups.Topic);
                var subscription = await stream.SubscribeAsync((evt, _) => ForwardAsync(groups.Topic, evt));
                topic.UnsubscribeAsync = subscription.UnsubscribeAsync;
                lock (_topics)
                {
                    _topics[groups.Topic] = topic;
                }
            }

            topic.Add(new Listener(audience, groups.Group), connectionId);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task LeaveAsync(Audience audience, HubGroups groups, string connectionId) =>
        ReleaseAsync(topic => topic == groups.Topic, new Listener(audience, groups.Group), connectionId);

    public Task LeaveAllAsync(Audience audience, string connectionId) =>
        ReleaseAsync(_ => true, listener: null, connectionId, audience);

    private async Task ReleaseAsync(Func<StreamId, bool> which, Listener? listener, string connectionId, Audience? audience = null)
    {
        await _gate.WaitAsync();
        try
        {
            List<KeyValuePair<StreamId, Topic>> candidates;
            lock (_topics)
            {
                candidates = _topics.Where(t => which(t.Key)).ToList();
            }

            foreach (var (id, topic) in candidates)
            {
                topic.Remove(listener, connectionId, audience);
                if (!topic.IsEmpty)
                {
                    continue;
                }

                lock (_topics)
                {
                    _topics.Remove(id);
                }

                await UnsubscribeAsync(id, topic);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task UnsubscribeAsync(StreamId id, Topic topic)
    {
        try
        {
            if (topic.UnsubscribeAsync is { } unsubscribe)
            {
                await unsubscribe();
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Unsubscribing from {Topic} failed.", id);
        }
    }

    private async Task ForwardAsync(StreamId id, object evt)
    {
        if (!TryGetTopic(id, out var topic))
        {
            return;
        }

        foreach (var listener in topic.Listeners())
        {
            await delivery.DeliverAsync(listener.Audience, listener.Group, evt);
        }
    }

    private bool TryGetTopic(StreamId id, out Topic topic)
    {
        lock (_topics)
        {
            return _topics.TryGetValue(id, out topic!);
        }
    }

    private sealed record Listener(Audience Audience, string Group);

    /// <summary>The listeners of one topic: which groups want it, through which local connections.</summary>
    private sealed class Topic
    {
        private readonly Dictionary<Listener, HashSet<string>> _connections = [];

        public Func<Task>? UnsubscribeAsync { get; set; }

        public bool IsEmpty
        {
            get
            {
                lock (_connections)
                {
                    return _connections.Count == 0;
                }
            }
        }

        public void Add(Listener listener, string connectionId)
        {
            lock (_connections)
            {
                if (!_connections.TryGetValue(listener, out var set))
                {
                    _connections[listener] = set = [];
                }

                set.Add(connectionId);
            }
        }

        public void Remove(Listener? listener, string connectionId, Audience? audience)
        {
            lock (_connections)
            {
                foreach (var (key, set) in _connections.ToList())
                {
                    if ((listener is null || key == listener) && (audience is null || key.Audience == audience) && set.Remove(connectionId) && set.Count == 0)
                    {
                        _connections.Remove(key);
                    }
                }
            }
        }

        public List<Listener> Listeners()
        {
            lock (_connections)
            {
                return [.. _connections.Keys];
            }
        }
    }
}
