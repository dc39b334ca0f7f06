using System.Collections.Concurrent;
using Conversations.Grains.Interfaces.Realtime;

namespace Conversations.Grains.Realtime;

/// <summary>
/// Group commit for a property's stream on one silo: while one write of the property's events is in flight, what other
/// conversations of the property publish meanwhile waits and then goes together, as one queue message. When the stream's
/// storage is fast nothing waits; when it slows down, it gets fewer and larger messages instead of a growing backlog.
/// Each conversation's events keep their order (a conversation publishes one round at a time and waits for it). The writes
/// run in the background, outside any grain, so a caller waits for its own events only. A property's lane is dropped once
/// its writer has nothing left, so a silo serving many properties keeps lanes only for those publishing now.
/// </summary>
public sealed class PropertyEventBatches
{
    /// <summary>
    /// At most this many events in one queue message, of about this many bytes in all: an Azure queue message holds 64 KB,
    /// 48 KB of it before base64.
    /// </summary>
    public const int MaxEvents = 64, MaxBytes = 40_000;

    /// <summary>About what an event takes besides its message text, serialized.</summary>
    private const int Overhead = 200;

    private readonly ConcurrentDictionary<string, Lane> _lanes = new();

    /// <summary>What one event counts against <see cref="MaxBytes"/> (up to 3 bytes per character of text).</summary>
    public static int Size(ConversationEvent evt) => Overhead + 3 * (evt is MessagePosted posted ? posted.Message.Text.Length : 0);

    /// <summary>How many of the first <paramref name="events"/> fit one queue message; the first always does, however large.</summary>
    public static int Fitting(IEnumerable<ConversationEvent> events) => Fitting(events, evt => (1, Size(evt)));

    /// <summary>How many of the first <paramref name="items"/> (each some events of some bytes) fit one queue message; the first always does.</summary>
    public static int Fitting<T>(IEnumerable<T> items, Func<T, (int Events, int Bytes)> measure)
    {
        int count = 0, events = 0, bytes = 0;
        foreach (var item in items)
        {
            var (itemEvents, itemBytes) = measure(item);
            events += itemEvents;
            bytes += itemBytes;
            if (count > 0 && (events > MaxEvents || bytes > MaxBytes))
            {
                break;
            }

            count++;
        }

        return count;
    }

    /// <summary>
    /// Publishes events of one conversation through <paramref name="write"/> (which puts a list of the property's events on its
    /// stream as one message); completes once they are written, or throws as the write did.
    /// </summary>
    public Task PublishAsync(IReadOnlyList<ConversationEvent> events, Func<IReadOnlyList<ConversationEvent>, Task> write)
    {
        var propertyId = events[0].PropertyId;
        while (true)
        {
            var lane = _lanes.GetOrAdd(propertyId, id => new Lane(idle => _lanes.TryRemove(KeyValuePair.Create(id, idle))));
            if (lane.TryPublish(events, write) is { } written)
            {
                return written;
            }
        }
    }

    /// <summary>How many properties have a lane now (those with a write in flight).</summary>
    public int LaneCount => _lanes.Count;

    private sealed class Lane(Action<Lane> drop)
    {
        private readonly List<Waiting> _waiting = [];
        private bool _writing;
        private bool _dropped;

        /// <summary>Null when the lane was dropped meanwhile (the caller takes the property's new lane).</summary>
        public Task? TryPublish(IReadOnlyList<ConversationEvent> events, Func<IReadOnlyList<ConversationEvent>, Task> write)
        {
            var mine = new Waiting(events);
            lock (_waiting)
            {
                if (_dropped)
                {
                    return null;
                }

                _waiting.Add(mine);
                if (!_writing)
                {
                    _writing = true;
                    // Not on the caller's context: the writes belong to no grain, and a request context (who acted) must not
                    // travel with other conversations' events.
                    using (ExecutionContext.SuppressFlow())
                    {
                        _ = Task.Run(() => WriteAllAsync(write));
                    }
                }
            }

            return mine.Written.Task;
        }

        private async Task WriteAllAsync(Func<IReadOnlyList<ConversationEvent>, Task> write)
        {
            while (true)
            {
                List<Waiting> batch;
                lock (_waiting)
                {
                    batch = Take();
                    if (batch.Count == 0)
                    {
                        _dropped = true;
                        drop(this);
                        return;
                    }
                }

                try
                {
                    await write([.. batch.SelectMany(w => w.Events)]);
                    batch.ForEach(w => w.Written.TrySetResult());
                }
                catch (Exception ex)
                {
                    batch.ForEach(w => w.Written.TrySetException(ex));
                }
            }
        }

        /// <summary>The first waiting calls whose events fit one message.</summary>
        private List<Waiting> Take()
        {
            var batch = _waiting[..Fitting(_waiting, w => (w.Events.Count, w.Events.Sum(Size)))];
            _waiting.RemoveRange(0, batch.Count);
            return batch;
        }
    }

    /// <summary>A call's events, and when they are written.</summary>
    private sealed record Waiting(IReadOnlyList<ConversationEvent> Events)
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
