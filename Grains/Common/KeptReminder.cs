using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Common;

/// <summary>
/// A reminder kept while a follower has deadlines (the routing and SLA grains): registered once per activation when wanted, removed
/// when not, so a deadline is kept after the grain's silo goes away while an idle grain costs no reminder. A failure is logged; the
/// next change tries again (the grain's timer still runs meanwhile).
/// </summary>
public sealed class KeptReminder(Grain grain, string name, ILogger logger)
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>Whether a reminder may be registered (by this activation or an earlier one); so it is until one looks.</summary>
    private bool _mayExist = true;
    private bool _registered;

    public bool Is(string reminderName) => reminderName == name;

    public async Task KeepAsync(bool wanted)
    {
        try
        {
            if (wanted && !_registered)
            {
                await grain.RegisterOrUpdateReminder(name, Period, Period);
                _registered = _mayExist = true;
            }
            else if (!wanted && _mayExist)
            {
                if (await grain.GetReminder(name) is { } reminder)
                {
                    await grain.UnregisterReminder(reminder);
                }

                _registered = _mayExist = false;
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Keeping the reminder {Reminder} of {Grain} failed; the next change tries again.", name, grain.GrainContext.GrainId);
        }
    }
}
