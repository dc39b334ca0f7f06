using Conversations.Grains.Interfaces.Sla;

namespace Conversations.Grains.Sla;

/// <summary>
/// Business time (SLA-1): adds business minutes to an instant and measures the business time between two, in a property's hours,
/// time zone and holidays. Each day's open hours are turned into real instants in the time zone, so a day whose clocks change
/// counts the real time that passed: an open interval across a spring-forward change is an hour shorter, across a fall-back an
/// hour longer. An opening inside the skipped hour opens when the clock resumes; in a repeated hour, openings take the first
/// and closings the second occurrence.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far ahead a due time is looked for: far beyond any target, and the end of the search if a calendar had no open day.</summary>
    public const int MaxDays = 3 * 366;

    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<DayOfWeek, List<(int Opens, int Closes)>> _week;
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(BusinessHours hours)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone);
        _holidays = [.. hours.Holidays];
        _week = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, d => hours.Week.Count == 0
            ? [(0, 1440)]
            : hours.Week.Where(i => i.Day == d).Select(i => (i.OpensAtMinute, i.ClosesAtMinute)).OrderBy(i => i.OpensAtMinute).ToList());
    }

    /// <summary>The instant at which <paramref name="duration"/> of business time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan duration)
    {
        var remaining = duration;
        foreach (var (open, close) in Intervals(start))
        {
            var from = open > start ? open : start;
            if (close <= from)
            {
                continue;
            }

            if (remaining <= TimeSpan.Zero)
            {
                return from;
            }

            var length = close - from;
            if (remaining <= length)
            {
                return from + remaining;
            }

            remaining -= length;
        }

        throw new InvalidOperationException($"No business time within {MaxDays} days of {start:O}.");
    }

    /// <summary>The business time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var (open, close) in Intervals(from))
        {
            if (open >= to)
            {
                break;
            }

            var start = open > from ? open : from;
            var end = close < to ? close : to;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    /// <summary>Whether the team works at that instant.</summary>
    public bool IsOpen(DateTimeOffset at) => Intervals(at).TakeWhile(i => i.Open <= at).Any(i => i.Close > at);

    /// <summary>The open intervals as instants, in order, from the local day of <paramref name="from"/> on (the first may lie before it).</summary>
    private IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> Intervals(DateTimeOffset from)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, _zone).DateTime);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (_holidays.Contains(day))
            {
                continue;
            }

            foreach (var (opens, closes) in _week[day.DayOfWeek])
            {
                var open = Instant(day, opens, first: true);
                var close = Instant(day, closes, first: false);
                if (close > open)
                {
                    yield return (open, close);
                }
            }
        }
    }

    private DateTimeOffset Instant(DateOnly day, int minute, bool first)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);

        // In the hour the clocks skip, the time is when they resume.
        for (var skipped = 0; _zone.IsInvalidTime(local) && skipped < 24 * 60; skipped++)
        {
            local = local.AddMinutes(1);
        }

        var offset = _zone.IsAmbiguousTime(local)
            ? first ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetAmbiguousTimeOffsets(local).Min()
            : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
