using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Common;

/// <summary>
/// Retries a grain's pending work until it is done. The work itself is durable in the grain's state (a flag or a
/// list that says what is owed); this only decides when to try again: at once, then after growing pauses (1 s
/// doubling to <see cref="LongestPause"/>) on a timer that keeps the activation alive, and, once a retry has
/// failed too, on a reminder that wakes the grain again if its silo goes away meanwhile. The grain forwards
/// its reminder to <see cref="ReceiveReminderAsync"/>.
/// </summary>
public sealed class RetryUntilDone(Grain grain, string reminderName, Func<bool> due, Func<Task> work, ILogger logger)
{
    public static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(1);

    /// <summary>How often the reminder wakes a grain whose work is still owed (the shortest period reminders take).</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _timer;
    private TimeSpan _pause;

    /// <summary>Set when a reminder of this work may be registered (by this activation or an earlier one).</summary>
    private bool _mayHaveReminder;

    /// <summary>An activation that finds work owed may have been woken by (or may have missed) a reminder of an earlier one.</summary>
    public void OwedSinceEarlierActivation() => _mayHaveReminder = true;

    /// <summary>
    /// Does the work when it is due. On failure, schedules the retries and returns the error (callers that answer a
    /// command decide whether to pass it on); null when nothing is owed any more.
    /// </summary>
    public async Task<Exception?> TryNowAsync() => await TryAsync(retrying: false);

    /// <summary>
    /// After a change: does the work now, unless a retry is scheduled already, which then carries this change's work too.
    /// While the work keeps failing (storage or the other grain out), commands are thus not held up by one more attempt each.
    /// </summary>
    public Task AfterChangeAsync() => _timer is null ? TryAsync(retrying: false) : Task.CompletedTask;

    public bool IsReminder(string name) => name == reminderName;

    public Task ReceiveReminderAsync()
    {
        _mayHaveReminder = true;
        return TryAsync(retrying: true);
    }

    private async Task<Exception?> TryAsync(bool retrying)
    {
        if (due())
        {
            try
            {
                await work();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "{Grain}: work owed to others failed; trying again later.", grain.GrainContext.GrainId);
                await ScheduleAsync(retrying);
                return ex;
            }
        }

        await StopAsync();
        return null;
    }

    private TimeSpan NextPause() => _pause == default ? FirstPause : TimeSpan.FromTicks(Math.Min(_pause.Ticks * 2, LongestPause.Ticks));

    private async Task ScheduleAsync(bool retrying)
    {
        // Only a failed retry makes the next pause longer; fresh attempts (one per command) keep the current one.
        _pause = retrying || _pause == default ? NextPause() : _pause;
        _timer?.Dispose();
        _timer = grain.RegisterGrainTimer(_ => TryAsync(retrying: true), new GrainTimerCreationOptions(_pause, Timeout.InfiniteTimeSpan) { KeepAlive = true });

        // Not on the first failure: that one happens while a caller waits, and storage may be what failed.
        if (retrying && !_mayHaveReminder)
        {
            try
            {
                await grain.RegisterOrUpdateReminder(reminderName, ReminderPeriod, ReminderPeriod);
                _mayHaveReminder = true;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "{Grain}: the reminder for owed work could not be registered; the timer keeps trying.", grain.GrainContext.GrainId);
            }
        }
    }

    private async Task StopAsync()
    {
        _timer?.Dispose();
        _timer = null;
        _pause = default;
        if (!_mayHaveReminder)
        {
            return;
        }

        try
        {
            if (await grain.GetReminder(reminderName) is { } reminder)
            {
                await grain.UnregisterReminder(reminder);
            }

            _mayHaveReminder = false;
        }
        catch (Exception ex)
        {
            // A reminder left behind only wakes the grain to find nothing owed, and is removed then.
            logger.LogWarning(ex, "{Grain}: the reminder for owed work could not be removed yet.", grain.GrainContext.GrainId);
        }
    }
}
