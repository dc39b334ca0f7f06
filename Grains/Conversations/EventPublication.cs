using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Realtime;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Conversations;

/// <summary>
/// The committed events a conversation still owes its listeners, published in version order, each after the inbox row of
/// its change was sent (a console that refetches on an event finds the change). A round in the background runs beside the
/// conversation's calls (an interleaving timer): a stream whose queue storage is slow or down delays the live feed, not
/// the conversation's next message, and what piled up meanwhile goes out in batches, one queue message each. Events the
/// stream refused stay first in line and are published again after 1, 2, 4, 8, then every 10 s: a listener that missed
/// the last change of a conversation has no later version gap to notice it by.
/// </summary>
public sealed class EventPublication(Grain grain, Func<InboxRow, Task> indexAsync, ILogger logger)
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LastChanceBudget = TimeSpan.FromSeconds(2);

    private readonly List<ConversationEvent> _unpublished = [];
    private IGrainTimer? _next;
    private Task _round = Task.CompletedTask;

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

    /// <summary>
    /// The activation's last round: what still fails now reaches listeners only with the conversation's next change (logged).
    /// It gets <see cref="LastChanceBudget"/>: calls to the conversation wait for its deactivation (a stopping silo's chats
    /// waited 6 s and more on an inbox shard that was moving with them), and a row not sent is fetched by its shard.
    /// </summary>
    public async Task LastChanceAsync()
    {
        _lastChance = true;
        try
        {
            await NowAsync().WaitAsync(LastChanceBudget);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("{Count} event(s) of {ConversationId} were still being published after {Budget}; the activation ends without them.",
                _unpublished.Count, _unpublished.FirstOrDefault()?.ConversationId, LastChanceBudget);
        }
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

            var batch = NextBatch();
            try
            {
                await grain.PublishAsync(batch);
            }
            catch (Exception ex)
            {
                var pause = TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, 1 << Math.Min(_failures++, 4)));
                // Without the stack: formatting it for every chat of a slow stream store cost a silo more CPU than the
                // messages (load bench, 2 silos on queue streams), and the queue provider logs the full exception itself.
                logger.LogWarning("Publishing {Count} event(s) of {ConversationId} from v{Version} failed ({Error}: {Reason}); {Pending} event(s) {Next}.",
                    batch.Count, batch[0].ConversationId, batch[0].Version, ex.GetType().Name, ex.GetBaseException().Message, _unpublished.Count,
                    _lastChance ? "given up (deactivating)" : $"published again in {pause}");
                _next?.Dispose();
                _next = _lastChance ? null : Schedule(pause);
                return;
            }

            _unpublished.RemoveRange(0, batch.Count);
            _failures = 0;
        }
    }

    /// <summary>
    /// The first unpublished events that fit one queue message (64 KB in Azure): a backlog built while the stream's storage
    /// was slow goes out in a few messages, not one per event. A single event always goes, however large.
    /// </summary>
    private List<ConversationEvent> NextBatch() => _unpublished[..PropertyEventBatches.Fitting(_unpublished)];
}
