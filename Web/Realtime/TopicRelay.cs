using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Orleans.Runtime;
using Orleans.Streams;

namespace Conversations.Web.Realtime;

/// <summary>
/// Holds at most one stream subscription per topic on this web node, shared by every local
/// connection listening to it, and releases it when the last one leaves. Each event is sent once
/// per SignalR group, whatever the number of connections in it; a group that listens for one conversation
/// (a visitor's chat on its property's topic) gets only that conversation's notices.
/// </summary>
/// <remarks>
/// A subscription can disappear under the node: when a silo dies, a pulling agent that fails to reach this node (its
/// route went with the silo) drops the node's subscription from the stream's pub-sub for good ("consumer is no longer
/// active"), and the node hears nothing more on that topic. <see cref="RepairAsync"/> finds such topics, subscribes
/// again and tells their listeners to refetch ("resync"), since what was published meanwhile is not replayed.
/// </remarks>
public sealed class TopicRelay(IClusterClient client, RealtimeDelivery delivery, ILogger<TopicRelay> logger)
{
    private readonly Dictionary<StreamId, Topic> _topics = [];
    private int _renewalsAsked;

    /// <summary>
    /// Adds the connection to the topic's listeners and makes sure this node is subscribed. Each topic has a gate of its
    /// own: a subscription is a pub-sub round trip (a storage write), and one gate for the whole node let a visitor's chat
    /// start (four topics) wait for every other connection's subscribing, and a renewal go one topic at a time.
    /// </summary>
    public async Task JoinAsync<TEvent>(Audience audience, HubGroups groups, string connectionId)
        where TEvent : notnull
    {
        var listener = new Listener(audience, groups.Group, groups.Conversation);
        Topic topic;
        lock (_topics)
        {
            if (!_topics.TryGetValue(groups.Topic, out topic!))
            {
                topic = new Topic(() => SubscribeAsync<TEvent>(groups.Topic)) { RenewedUpTo = Volatile.Read(ref _renewalsAsked) };
                _topics[groups.Topic] = topic;
            }

            topic.Add(listener, connectionId);
        }

        await topic.Gate.WaitAsync();
        try
        {
            if (topic.Current is null && IsCurrent(groups.Topic, topic))
            {
                topic.Current = await topic.SubscribeAsync();
            }
        }
        catch
        {
            lock (_topics)
            {
                topic.Remove(listener, connectionId, audience: null);
                if (topic.IsEmpty && IsCurrent(groups.Topic, topic))
                {
                    _topics.Remove(groups.Topic);
                }
            }

            throw;
        }
        finally
        {
            topic.Gate.Release();
        }
    }

    public Task LeaveAsync(Audience audience, HubGroups groups, string connectionId) =>
        ReleaseAsync(topic => topic == groups.Topic, new Listener(audience, groups.Group, groups.Conversation), connectionId);

    public Task LeaveAllAsync(Audience audience, string connectionId) =>
        ReleaseAsync(_ => true, listener: null, connectionId, audience);

    /// <summary>How many topics this node listens to.</summary>
    public int TopicCount
    {
        get
        {
            lock (_topics)
            {
                return _topics.Count;
            }
        }
    }

    /// <summary>
    /// Asks each topic's pub-sub whether this node's subscription is still there; where it is gone, subscribes again and
    /// sends the topic's groups "resync". A topic whose check fails (the cluster briefly unreachable) waits for the next
    /// round. Returns how many topics were subscribed again. Checks one of <paramref name="slices"/> equal parts of the
    /// topics (1: all): a check is a pub-sub call per topic, and checking thousands at once took both cores for most of a
    /// second, a stall every message sent in it waited out.
    /// </summary>
    public async Task<int> RepairAsync(int slice, int slices, CancellationToken cancellationToken) =>
        await RepairAsync(renew: false, id => (uint)id.GetHashCode() % (uint)slices == slice, cancellationToken);

    /// <summary>
    /// Replaces the subscription of every topic not renewed since the last <see cref="AskRenewal"/> with a new one and sends
    /// "resync": after a silo's loss, or after a stream's queue moved to a silo that joined, a subscription can stay listed
    /// in its pub-sub and still receive nothing (the pulling agent that took over the queue never delivers to it); a new
    /// subscription makes the stream's agents hand it a fresh cursor. Returns how many were renewed; those whose renewal
    /// failed stay due (<see cref="RenewalsDue"/>).
    /// </summary>
    public async Task<int> RenewAsync(CancellationToken cancellationToken) => await RepairAsync(renew: true, _ => true, cancellationToken);

    /// <summary>Every topic listened to now is to be renewed by the next <see cref="RenewAsync"/>.</summary>
    public void AskRenewal() => Interlocked.Increment(ref _renewalsAsked);

    /// <summary>How many topics still wait for the renewal last asked (their renewal failed).</summary>
    public int RenewalsDue
    {
        get
        {
            var asked = Volatile.Read(ref _renewalsAsked);
            lock (_topics)
            {
                return _topics.Values.Count(t => t.RenewedUpTo < asked);
            }
        }
    }

    private async Task<int> RepairAsync(bool renew, Func<StreamId, bool> which, CancellationToken cancellationToken)
    {
        List<KeyValuePair<StreamId, Topic>> topics;
        var asked = Volatile.Read(ref _renewalsAsked);
        lock (_topics)
        {
            topics = [.. _topics.Where(t => which(t.Key) && (!renew || t.Value.RenewedUpTo < asked))];
        }

        if (topics.Count == 0)
        {
            return 0;
        }

        var repaired = 0;
        await Parallel.ForEachAsync(topics, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (entry, _) =>
        {
            if (await RepairAsync(entry.Key, entry.Value, renew))
            {
                Interlocked.Increment(ref repaired);
                if (renew)
                {
                    entry.Value.RenewedUpTo = asked;
                }
            }
        });
        return repaired;
    }

    private async Task<bool> RepairAsync(StreamId id, Topic topic, bool renew)
    {
        var lost = topic.Current;
        try
        {
            if (lost is null || (!renew && await lost.IsActiveAsync()))
            {
                return false;
            }
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Checking the subscription to {Topic} failed; the next round checks again.", id);
            return false;
        }

        await topic.Gate.WaitAsync();
        try
        {
            if (!IsCurrent(id, topic) || topic.Current != lost)
            {
                return false; // left or repaired meanwhile
            }

            topic.Current = await topic.SubscribeAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Subscribing again to {Topic} failed; the next round tries again.", id);
            return false;
        }
        finally
        {
            topic.Gate.Release();
        }

        if (!renew)
        {
            logger.LogWarning("The subscription of this node to {Topic} was gone (a silo was lost); subscribed again and told its listeners to refetch.", id);
        }

        await UnsubscribeAsync(id, lost);
        foreach (var group in topic.Listeners().Distinct())
        {
            await delivery.ResyncAsync(group.Audience, group.Group);
        }

        return true;
    }

    private async Task<Subscription> SubscribeAsync<TEvent>(StreamId id)
        where TEvent : notnull
    {
        var stream = client.GetStreamProvider(ConversationsNames.StreamProvider).GetStream<TEvent>(id);
        var subscription = new Subscription();
        // Events of a replaced subscription (one that was thought lost but still delivers) are not forwarded twice.
        var handle = await stream.SubscribeAsync((evt, _) => ForwardAsync(id, subscription, evt));
        subscription.IsActiveAsync = async () => (await stream.GetAllSubscriptionHandles()).Any(h => h.HandleId == handle.HandleId);
        subscription.UnsubscribeAsync = handle.UnsubscribeAsync;
        return subscription;
    }

    private async Task ReleaseAsync(Func<StreamId, bool> which, Listener? listener, string connectionId, Audience? audience = null)
    {
        List<KeyValuePair<StreamId, Topic>> emptied = [];
        lock (_topics)
        {
            foreach (var (id, topic) in _topics.Where(t => which(t.Key)).ToList())
            {
                topic.Remove(listener, connectionId, audience);
                if (topic.IsEmpty)
                {
                    // A join after this makes a new topic with a subscription of its own.
                    _topics.Remove(id);
                    emptied.Add(new(id, topic));
                }
            }
        }

        foreach (var (id, topic) in emptied)
        {
            await topic.Gate.WaitAsync();
            try
            {
                await UnsubscribeAsync(id, topic.Current);
                topic.Current = null;
            }
            finally
            {
                topic.Gate.Release();
            }
        }
    }

    private async Task UnsubscribeAsync(StreamId id, Subscription? subscription)
    {
        try
        {
            if (subscription?.UnsubscribeAsync is { } unsubscribe)
            {
                await unsubscribe();
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Unsubscribing from {Topic} failed.", id);
        }
    }

    private async Task ForwardAsync(StreamId id, Subscription subscription, object evt)
    {
        if (!TryGetTopic(id, out var topic) || topic.Current != subscription)
        {
            return;
        }

        await delivery.DeliverAsync(topic.ListenersOf(evt).Select(l => (l.Audience, l.Group)), evt);
    }

    private bool TryGetTopic(StreamId id, out Topic topic)
    {
        lock (_topics)
        {
            return _topics.TryGetValue(id, out topic!);
        }
    }

    /// <summary>Whether <paramref name="topic"/> is still the one listened to under <paramref name="id"/> (not left meanwhile).</summary>
    private bool IsCurrent(StreamId id, Topic topic) => TryGetTopic(id, out var current) && current == topic;

    /// <summary>A group listening to a topic: to all of it, or only to the notices of <paramref name="Conversation"/>.</summary>
    private sealed record Listener(Audience Audience, string Group, Guid? Conversation);

    /// <summary>One subscription of this node to a topic; a topic gets a new one when its old one was lost.</summary>
    private sealed class Subscription
    {
        public Func<Task<bool>> IsActiveAsync { get; set; } = () => Task.FromResult(true);

        public Func<Task>? UnsubscribeAsync { get; set; }
    }

    /// <summary>The listeners of one topic: which groups want it, through which local connections.</summary>
    private sealed class Topic(Func<Task<Subscription>> subscribe)
    {
        private readonly Dictionary<Listener, HashSet<string>> _connections = [];

        /// <summary>The listeners of the whole topic, and those of one conversation's notices by conversation (a property topic has thousands).</summary>
        private readonly List<Listener> _wholeTopic = [];
        private readonly Dictionary<Guid, List<Listener>> _byConversation = [];

        /// <summary>What each local connection listens as (a connection that leaves is found without a scan of every listener).</summary>
        private readonly Dictionary<string, HashSet<Listener>> _byConnection = [];

        public Func<Task<Subscription>> SubscribeAsync => subscribe;

        /// <summary>One subscribe, renewal or unsubscribe of this topic at a time.</summary>
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Subscription? Current { get; set; }

        /// <summary>The last renewal asked (<see cref="AskRenewal"/>) that this topic's subscription is newer than.</summary>
        public int RenewedUpTo { get; set; }

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
                    ListOf(listener).Add(listener);
                }

                set.Add(connectionId);
                if (!_byConnection.TryGetValue(connectionId, out var held))
                {
                    _byConnection[connectionId] = held = [];
                }

                held.Add(listener);
            }
        }

        public void Remove(Listener? listener, string connectionId, Audience? audience)
        {
            lock (_connections)
            {
                if (!_byConnection.TryGetValue(connectionId, out var held))
                {
                    return;
                }

                foreach (var key in held.Where(l => (listener is null || l == listener) && (audience is null || l.Audience == audience)).ToList())
                {
                    held.Remove(key);
                    if (held.Count == 0)
                    {
                        _byConnection.Remove(connectionId);
                    }

                    if (_connections.TryGetValue(key, out var set) && set.Remove(connectionId) && set.Count == 0)
                    {
                        _connections.Remove(key);
                        var list = ListOf(key);
                        list.Remove(key);
                        if (list.Count == 0 && key.Conversation is { } conversation)
                        {
                            _byConversation.Remove(conversation);
                        }
                    }
                }
            }
        }

        /// <summary>Every listener (to tell them all to refetch).</summary>
        public List<Listener> Listeners()
        {
            lock (_connections)
            {
                return [.. _connections.Keys];
            }
        }

        /// <summary>The listeners <paramref name="evt"/> goes to: those of the whole topic and those of its conversation.</summary>
        public List<Listener> ListenersOf(object evt)
        {
            lock (_connections)
            {
                var listeners = new List<Listener>(_wholeTopic);
                if (evt is IConversationScoped scoped && _byConversation.TryGetValue(scoped.ConversationId, out var ofConversation))
                {
                    listeners.AddRange(ofConversation);
                }

                return listeners;
            }
        }

        private List<Listener> ListOf(Listener listener)
        {
            if (listener.Conversation is not { } conversation)
            {
                return _wholeTopic;
            }

            if (!_byConversation.TryGetValue(conversation, out var list))
            {
                _byConversation[conversation] = list = [];
            }

            return list;
        }
    }
}
