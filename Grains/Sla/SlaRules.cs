using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Sla;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Sla;

/// <summary>Checks SLA settings (SLA-1); refusals are Invalid with a message for the admin.</summary>
public static class SlaRules
{
    public const int MaxIntervals = 7 * 6;
    public const int MaxHolidays = 400;
    public const int MaxTargetMinutes = 366 * 24 * 60;

    public static SlaSettings Check(SlaSettings settings)
    {
        if (settings?.Hours is null)
        {
            throw DomainException.Invalid("SLA settings need business hours.");
        }

        var hours = settings.Hours;
        if (!IsKnownTimeZone(hours.TimeZone))
        {
            throw DomainException.Invalid("This is not a known time zone; use an IANA id such as Europe/Berlin.");
        }

        var week = hours.Week ?? [];
        if (week.Any(i => i is null))
        {
            throw DomainException.Invalid("Business hours list intervals (day, opensAtMinute, closesAtMinute).");
        }

        if (week.Count > MaxIntervals)
        {
            throw DomainException.Invalid($"Business hours have at most {MaxIntervals} intervals.");
        }

        foreach (var day in week.GroupBy(i => i.Day))
        {
            if (!Enum.IsDefined(day.Key))
            {
                throw DomainException.Invalid("A day of the week is 0 (Sunday) to 6 (Saturday).");
            }

            var previousClose = -1;
            foreach (var interval in day.OrderBy(i => i.OpensAtMinute))
            {
                if (interval.OpensAtMinute < 0 || interval.ClosesAtMinute > 1440 || interval.OpensAtMinute >= interval.ClosesAtMinute)
                {
                    throw DomainException.Invalid("Open hours run from a minute after midnight (0 to 1439) to a later one (at most 1440).");
                }

                if (interval.OpensAtMinute < previousClose)
                {
                    throw DomainException.Invalid($"Open hours on {day.Key} overlap.");
                }

                previousClose = interval.ClosesAtMinute;
            }
        }

        var holidays = (hours.Holidays ?? []).Distinct().Order().ToList();
        if (holidays.Count > MaxHolidays)
        {
            throw DomainException.Invalid($"At most {MaxHolidays} holidays.");
        }

        var policies = settings.Policies ?? [];
        if (policies.Any(p => p is null) || policies.Any(p => !Enum.IsDefined(p.Priority)) || policies.Select(p => p.Priority).Distinct().Count() != policies.Count)
        {
            throw DomainException.Invalid("One policy per priority (Lowest, Low, Medium, High, Highest).");
        }

        foreach (var policy in policies)
        {
            foreach (var minutes in new[] { policy.FirstResponseMinutes, policy.NextResponseMinutes, policy.ResolutionMinutes })
            {
                if (minutes is < 1 or > MaxTargetMinutes)
                {
                    throw DomainException.Invalid($"A target is 1 to {MaxTargetMinutes} business minutes, or none.");
                }
            }
        }

        if (settings.BreachingSoonMinutes is < 1 or > 7 * 24 * 60)
        {
            throw DomainException.Invalid("'Breaching soon' starts 1 minute to 7 days before a due time.");
        }

        return settings with
        {
            Hours = hours with { Week = [.. week.OrderBy(i => i.Day).ThenBy(i => i.OpensAtMinute)], Holidays = holidays },
            Policies = [.. policies.OrderBy(p => p.Priority)],
        };
    }

    /// <summary>An IANA id (letters, digits, '/', '_', '+', '-') the system knows; anything else, a path for one, is not.</summary>
    private static bool IsKnownTimeZone(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64 || id.Contains("..", StringComparison.Ordinal)
            || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '+' or '-'))
        {
            return false;
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or System.Security.SecurityException or IOException)
        {
            return false;
        }
    }

    /// <summary>The policy of a priority (chats count as Medium), or one without targets.</summary>
    public static SlaPolicy PolicyFor(SlaSettings settings, TicketPriority priority) =>
        settings.Policies.FirstOrDefault(p => p.Priority == priority) ?? new SlaPolicy(priority, null, null, null);
}
