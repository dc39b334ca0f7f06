using Conversations.Grains.Common;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Conversations.Grains.Conversations;

/// <summary>
/// Writes a conversation's state a little after changes that are durable already elsewhere (messages committed by their
/// rows): about <see cref="SaveAfter"/> later, at once after <see cref="MostUnsaved"/> of them, and on deactivation.
/// The rows hold what the write would, so a failed write is only tried again later.
/// </summary>
public sealed class DeferredStateSave(Grain grain, Func<CancellationToken, Task> write, Action onConflict, ILogger logger)
{
    /// <summary>
    /// How long the state lags behind messages committed by their rows, on average (spread by <see cref="TimerSpread"/>). Long
    /// enough that a chat whose visitor writes every few seconds is written a few times an hour, not once every third message
    /// (at 5,000 such chats a 30 s lag was 167 writes/s, two thirds of a write per message); a crash costs only a replay of
    /// at most <see cref="MostUnsaved"/> rows.
    /// </summary>
    public static readonly TimeSpan SaveAfter = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Changes after which the state is written at once.</summary>
    private const int MostUnsaved = 64;

    private IGrainTimer? _timer;
    private int _unsaved;

    public bool Pending => _unsaved > 0;

    /// <summary>Schedules the write for <paramref name="changes"/> more unsaved changes.</summary>
    public void Soon(int changes = 1)
    {
        _unsaved += changes;
        if (_unsaved >= MostUnsaved)
        {
            _timer?.Dispose();
            _timer = grain.RegisterGrainTimer(SaveAsync, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer ??= grain.RegisterGrainTimer(SaveAsync, TimerSpread.Around(SaveAfter), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>A change that needs no write of its own now is written with the next one, or on its own soon.</summary>
    public void Later() => Soon(_unsaved == 0 ? 1 : 0);

    /// <summary>The state was written (or dropped): nothing is owed.</summary>
    public void Saved()
    {
        _unsaved = 0;
        _timer?.Dispose();
        _timer = null;
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_unsaved == 0)
        {
            return;
        }

        try
        {
            await write(cancellationToken);
            Saved();
        }
        catch (InconsistentStateException ex)
        {
            logger.LogWarning(ex, "The state of {Grain} changed under this activation; the next one reads it and replays the message rows.", grain.GrainContext.GrainId);
            onConflict();
        }
        catch (Exception ex)
        {
            // Not soon: while storage is out, a write holds the conversation's queue until it times out.
            logger.LogWarning(ex, "Writing the state of {Grain} after {Count} unsaved changes failed; trying again in {RetryAfter}.", grain.GrainContext.GrainId, _unsaved, RetryAfter);
            _timer?.Dispose();
            _timer = grain.RegisterGrainTimer(SaveAsync, RetryAfter, Timeout.InfiniteTimeSpan);
        }
    }
}
