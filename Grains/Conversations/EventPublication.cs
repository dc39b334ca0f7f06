using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Realtime;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Conversations;

/// <summary>
/// The committed events a conversation still owes its listeners, published in version order, each after the inbox row of
/// its change was sent (a console that refetches on an event finds the change). A round in the background runs beside the
/// conversation's calls (an interleaving timer): a stream whose queue storage is slow or down delays the live feed, not the
/// conversation's next message. An event the stream refused stays first in line and is published again after 1, 2, 4, 8,
/// then every 10 s: a listener that missed the last change of a conversation has no later version gap to notice it by.
/// </summary>
public sealed class EventPublication(Grain grain, Func<InboxRow, Task> indexAsync, ILogger logger)
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);

    private readonly List<ConversationEvent> _unpublished = [];
    private IGrainTimer? _next;
    private Task _round = Task.CompletedTask;

    /// <summary>The first unpublished event is on its property's stream already; its conversation's stream still owes it.</summary>
    private bool _firstOnPropertyStream;

    /// <summary>The inbox row of the latest change, when it was not sent yet (null when the conversation is not listed).</summary>
    private InboxRow? _rowOwed;

    /// <summary>Failed rounds in a row (the next one waits longer).</summary>
    private int _failures;

    /// <summary>The activation is ending: a failure is logged, not retried.</summary>
    private bool _lastChance;

    public bool Pending => _unpublished.Count > 0;

    /// <summary>Committed events, with the inbox row of the state they leave (taken where the change is durable).</summary>
    public void Add(IReadOnlyCollection<ConversationEvent> events, InboxRow? row)
    {
        if (events.Count > 0)
        {
            _unpublished.AddRange(events);
            _rowOwed = row;
        }
    }

    /// <summary>Publishes in the background, unless a round is waiting already (which takes these events too).</summary>
    public void Soon() => _next ??= Schedule(TimeSpan.Zero);

    /// <summary>Publishes now; the caller waits for the round (a round already running takes the new events and is waited for).</summary>
    public Task NowAsync()
    {
        _next?.Dispose();
        _next = null;
        if (_round.IsCompleted)
        {
            _round = PublishAllAsync();
        }

        return _round;
    }

    /// <summary>The activation's last round: what still fails now reaches listeners only with the conversation's next change (logged).</summary>
    public Task LastChanceAsync()
    {
        _lastChance = true;
        return NowAsync();
    }

    private IGrainTimer Schedule(TimeSpan dueIn) =>
        grain.RegisterGrainTimer(_ => NowAsync(), new GrainTimerCreationOptions(dueIn, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });

    private async Task PublishAllAsync()
    {
        while (_unpublished.Count > 0)
        {
            if (_rowOwed is { } row)
            {
                _rowOwed = null;
                await indexAsync(row);
            }

            var evt = _unpublished[0];
            try
            {
                if (!_firstOnPropertyStream)
                {
                    await grain.PublishAsync(evt, onPropertyStream: true);
                    _firstOnPropertyStream = true;
                }

                await grain.PublishAsync(evt, onPropertyStream: false);
            }
            catch (Exception ex)
            {
                var pause = TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, 1 << Math.Min(_failures++, 4)));
                logger.LogWarning(ex, "Publishing {EventType} v{Version} of {ConversationId} failed; {Count} event(s) {Next}.",
                    evt.GetType().Name, evt.Version, evt.ConversationId, _unpublished.Count, _lastChance ? "given up (deactivating)" : $"published again in {pause}");
                _next?.Dispose();
                _next = _lastChance ? null : Schedule(pause);

                return;
            }

            _unpublished.RemoveAt(0);
            _firstOnPropertyStream = false;
            _failures = 0;
        }
    }
}
