using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Sla;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Sla;

namespace Conversations.Tests.Unit;

/// <summary>SLA-1: due times in business time, in a property's hours, time zone and holidays, across weekends and clock changes.</summary>
[Trait("Spec", "SLA-1")]
public sealed class BusinessCalendarTests
{
    private const string Berlin = "Europe/Berlin";
    private const string NewYork = "America/New_York";

    private static readonly BusinessInterval[] NineToFiveWeekdays =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => new BusinessInterval(d, 9 * 60, 17 * 60))];

    private static BusinessCalendar Calendar(string zone, IReadOnlyList<BusinessInterval>? week = null, params DateOnly[] holidays) =>
        new(new BusinessHours(zone, week ?? [], holidays));

    /// <summary>A local wall-clock time in a zone, as an instant.</summary>
    private static DateTimeOffset Local(string zone, int year, int month, int day, int hour, int minute = 0)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, tz.GetUtcOffset(local));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void SLA1_around_the_clock_in_UTC_business_time_is_real_time()
    {
        var calendar = Calendar("UTC");
        var start = Utc(2026, 12, 5, 11, 40);

        Assert.Equal(start.AddMinutes(90), calendar.Add(start, TimeSpan.FromMinutes(90)));
        Assert.Equal(TimeSpan.FromDays(3), calendar.Between(start, start.AddDays(3)));
        Assert.Equal(start, calendar.Add(start, TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, calendar.Between(start, start.AddHours(-1)));
    }

    [Fact]
    public void SLA1_time_after_closing_on_friday_counts_from_monday_morning()
    {
        var calendar = Calendar(Berlin, NineToFiveWeekdays);

        // Friday 4 Dec 2026, 16:00 in Berlin, plus two business hours: one on Friday, one on Monday.
        var due = calendar.Add(Local(Berlin, 2026, 12, 4, 16), TimeSpan.FromHours(2));

        Assert.Equal(Local(Berlin, 2026, 12, 7, 10), due);
        Assert.Equal(TimeSpan.FromHours(2), calendar.Between(Local(Berlin, 2026, 12, 4, 16), due));
    }

    [Fact]
    public void SLA1_a_start_on_the_weekend_or_before_opening_waits_for_the_opening()
    {
        var calendar = Calendar(Berlin, NineToFiveWeekdays);

        Assert.Equal(Local(Berlin, 2026, 12, 7, 9, 30), calendar.Add(Local(Berlin, 2026, 12, 5, 13), TimeSpan.FromMinutes(30)));
        Assert.Equal(Local(Berlin, 2026, 12, 8, 9, 15), calendar.Add(Local(Berlin, 2026, 12, 8, 6), TimeSpan.FromMinutes(15)));
        Assert.Equal(TimeSpan.Zero, calendar.Between(Local(Berlin, 2026, 12, 5, 0), Local(Berlin, 2026, 12, 7, 9)));
        Assert.False(calendar.IsOpen(Local(Berlin, 2026, 12, 5, 12)));
        Assert.True(calendar.IsOpen(Local(Berlin, 2026, 12, 7, 9)));
        Assert.False(calendar.IsOpen(Local(Berlin, 2026, 12, 7, 17)));
    }

    [Fact]
    public void SLA1_holidays_are_skipped()
    {
        // Christmas Day (Friday) and the Monday after are holidays: Thursday 16:00 + 3 h is Tuesday 11:00.
        var calendar = Calendar(Berlin, NineToFiveWeekdays, new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28));

        var due = calendar.Add(Local(Berlin, 2026, 12, 24, 16), TimeSpan.FromHours(3));

        Assert.Equal(Local(Berlin, 2026, 12, 29, 11), due);
        Assert.Equal(TimeSpan.FromHours(3), calendar.Between(Local(Berlin, 2026, 12, 24, 16), due));
    }

    [Fact]
    public void SLA1_a_holiday_around_the_clock_is_a_closed_day()
    {
        var calendar = Calendar("UTC", null, new DateOnly(2026, 1, 1));

        Assert.Equal(Utc(2026, 1, 2, 1), calendar.Add(Utc(2025, 12, 31, 23), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void SLA1_a_lunch_break_splits_the_day()
    {
        BusinessInterval[] week = [new(DayOfWeek.Monday, 9 * 60, 12 * 60), new(DayOfWeek.Monday, 13 * 60, 17 * 60)];
        var calendar = Calendar(Berlin, week);

        Assert.Equal(Local(Berlin, 2026, 12, 7, 14), calendar.Add(Local(Berlin, 2026, 12, 7, 11), TimeSpan.FromHours(2)));
        // Monday 10:00 to the next Monday 10:00: 10-12 and 13-17, then 9-10 a week later.
        Assert.Equal(TimeSpan.FromHours(7), calendar.Between(Local(Berlin, 2026, 12, 7, 10), Local(Berlin, 2026, 12, 14, 10)));
    }

    [Fact]
    public void SLA1_around_the_clock_the_spring_forward_day_has_23_business_hours()
    {
        var calendar = Calendar(Berlin);

        // Clocks go from 02:00 to 03:00 on Sunday 29 March 2026.
        var start = Local(Berlin, 2026, 3, 28, 12);
        var due = calendar.Add(start, TimeSpan.FromHours(24));

        Assert.Equal(Local(Berlin, 2026, 3, 29, 13), due);
        Assert.Equal(start.AddHours(24), due);
        Assert.Equal(TimeSpan.FromHours(23), calendar.Between(Local(Berlin, 2026, 3, 29, 0), Local(Berlin, 2026, 3, 30, 0)));
    }

    [Fact]
    public void SLA1_around_the_clock_the_fall_back_day_has_25_business_hours()
    {
        var calendar = Calendar(Berlin);

        // Clocks go from 03:00 back to 02:00 on Sunday 25 October 2026.
        var start = Local(Berlin, 2026, 10, 24, 12);
        var due = calendar.Add(start, TimeSpan.FromHours(24));

        Assert.Equal(Local(Berlin, 2026, 10, 25, 11), due);
        Assert.Equal(TimeSpan.FromHours(25), calendar.Between(Local(Berlin, 2026, 10, 25, 0), Local(Berlin, 2026, 10, 26, 0)));
    }

    [Fact]
    public void SLA1_office_hours_keep_their_local_times_across_a_clock_change()
    {
        var calendar = Calendar(Berlin, NineToFiveWeekdays);

        // Friday 27 March (UTC+1) 16:00 + 2 h: Monday 30 March 10:00 local, which is UTC+2 now.
        var due = calendar.Add(Local(Berlin, 2026, 3, 27, 16), TimeSpan.FromHours(2));

        Assert.Equal(Utc(2026, 3, 30, 8), due);
        Assert.Equal(TimeSpan.FromHours(2), calendar.Between(Local(Berlin, 2026, 3, 27, 16), due));
    }

    [Fact]
    public void SLA1_an_opening_in_the_skipped_hour_opens_when_the_clocks_resume()
    {
        BusinessInterval[] week = [new(DayOfWeek.Sunday, 2 * 60 + 30, 4 * 60)];
        var calendar = Calendar(Berlin, week);

        Assert.Equal(TimeSpan.FromHours(1), calendar.Between(Local(Berlin, 2026, 3, 29, 0), Local(Berlin, 2026, 3, 29, 12)));
        Assert.Equal(Utc(2026, 3, 29, 1, 30), calendar.Add(Local(Berlin, 2026, 3, 28, 12), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void SLA1_an_interval_across_the_repeated_hour_counts_it_twice()
    {
        // 01:00 to 04:00 local on the fall-back Sunday spans 4 real hours (01:00 CEST to 04:00 CET).
        BusinessInterval[] week = [new(DayOfWeek.Sunday, 60, 4 * 60)];
        var calendar = Calendar(Berlin, week);

        Assert.Equal(TimeSpan.FromHours(4), calendar.Between(Local(Berlin, 2026, 10, 25, 0), Local(Berlin, 2026, 10, 25, 12)));
    }

    [Fact]
    public void SLA1_new_york_changes_its_clocks_on_its_own_dates()
    {
        var calendar = Calendar(NewYork);

        // 8 March 2026 in New York: 23 hours; Berlin's clocks have not changed yet.
        Assert.Equal(TimeSpan.FromHours(23), calendar.Between(Local(NewYork, 2026, 3, 8, 0), Local(NewYork, 2026, 3, 9, 0)));
        Assert.Equal(TimeSpan.FromHours(24), Calendar(Berlin).Between(Local(Berlin, 2026, 3, 8, 0), Local(Berlin, 2026, 3, 9, 0)));
    }

    [Fact]
    public void SLA1_adding_then_measuring_gives_back_the_duration()
    {
        var calendar = Calendar(Berlin, NineToFiveWeekdays, new DateOnly(2026, 3, 30), new DateOnly(2026, 10, 26));
        var random = new Random(21);
        for (var i = 0; i < 500; i++)
        {
            var start = Utc(2026, 1, 1, 0).AddMinutes(random.Next(0, 365 * 24 * 60));
            var duration = TimeSpan.FromMinutes(random.Next(0, 5 * 8 * 60));

            var due = calendar.Add(start, duration);

            Assert.True(due >= start);
            Assert.Equal(duration, calendar.Between(start, due));
            Assert.True(duration == TimeSpan.Zero || calendar.IsOpen(due - TimeSpan.FromMinutes(1)), $"{start:O} + {duration} ends at {due:O}, after a closed minute.");
        }
    }

    [Fact]
    public void SLA1_settings_with_unknown_zones_bad_or_overlapping_hours_or_repeated_priorities_are_refused()
    {
        var good = new SlaSettings(true, new BusinessHours(Berlin, NineToFiveWeekdays, []), [new SlaPolicy(TicketPriority.High, 30, 60, 480)], 30);
        Assert.Equal(good.Policies, SlaRules.Check(good).Policies);

        SlaSettings[] bad =
        [
            good with { Hours = good.Hours with { TimeZone = "Mars/Olympus" } },
            good with { Hours = good.Hours with { Week = [new(DayOfWeek.Monday, 600, 540)] } },
            good with { Hours = good.Hours with { Week = [new(DayOfWeek.Monday, 0, 1441)] } },
            good with { Hours = good.Hours with { Week = [new(DayOfWeek.Monday, 540, 720), new(DayOfWeek.Monday, 700, 900)] } },
            good with { Policies = [new SlaPolicy(TicketPriority.High, 30, null, null), new SlaPolicy(TicketPriority.High, 60, null, null)] },
            good with { Policies = [new SlaPolicy(TicketPriority.Low, 0, null, null)] },
            good with { BreachingSoonMinutes = 0 },
        ];
        foreach (var settings in bad)
        {
            Assert.Equal(DomainErrorCode.Invalid, Assert.Throws<DomainException>(() => SlaRules.Check(settings)).Code);
        }
    }
}
