using Conversations.Grains.Interfaces.Reports;
using Conversations.Tests.Infrastructure;
using Orleans.Runtime;

namespace Conversations.Tests.Reports;

/// <summary>RPT-1 on a real silo: reports add up month sums; any period, cut anywhere, gives what its days add up to, and a change shows at once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReportMonthTests(ClusterFixture fixture)
{
    private readonly string _property = "rpt-" + Guid.NewGuid().ToString("N")[..8];

    private IClusterClient Client => fixture.Client;

    [Fact, Trait("Spec", "RPT-1")]
    public async Task RPT1_periods_across_months_add_up_their_days_and_a_changed_day_shows_in_the_next_report()
    {
        // One chat a day for agent a1 from 2025-01-20 to 2025-03-10, and one ticket of department d1 on 2025-02-28.
        var first = new DateOnly(2025, 1, 20);
        for (var day = first; day <= new DateOnly(2025, 3, 10); day = day.AddDays(1))
        {
            await ApplyAsync(day, "chat-" + day.DayNumber, Chat("a1"));
        }

        await ApplyAsync(new DateOnly(2025, 2, 28), "ticket-1", Ticket("d1"));
        var reports = Client.GetGrain<IReportsGrain>(0);

        var wide = await reports.GetAsync(new ReportQuery(_property, new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31), WithBreakdown: true));
        Assert.Equal((50L, 1L), (wide.Totals.Chats, wide.Totals.Tickets));
        Assert.Equal(90, wide.Days.Count);
        Assert.Equal(new DateOnly(2025, 3, 31), wide.Days[^1].Day);
        Assert.Equal(1, wide.Days.Single(d => d.Day == new DateOnly(2025, 2, 28)).Figures.Tickets);
        Assert.Equal(0, wide.Days.Single(d => d.Day == new DateOnly(2025, 1, 19)).Figures.Chats);
        Assert.Equal(50, wide.Agents.Single(a => a.Id == "a1").Figures.Chats);
        Assert.Equal(1, wide.Departments.Single(d => d.Id == "d1").Figures.Tickets);

        // Cut inside months, of one slice: the days 2025-01-25..2025-03-02 hold 37 chats.
        var cut = await reports.GetAsync(new ReportQuery(_property, new DateOnly(2025, 1, 25), new DateOnly(2025, 3, 2), AgentId: "a1"));
        Assert.Equal(37, cut.Totals.Chats);
        Assert.Equal(0, cut.Totals.Tickets);
        Assert.Empty(cut.Agents);

        // A change to a day of a month already summed shows in the next report; a repeated change does not count twice.
        await ApplyAsync(new DateOnly(2025, 2, 10), "chat-extra", Chat("a1"));
        await ApplyAsync(new DateOnly(2025, 2, 10), "chat-extra", Chat("a1"));
        var after = await reports.GetAsync(new ReportQuery(_property, new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)));
        Assert.Equal(51, after.Totals.Chats);
        Assert.Equal(2, after.Days.Single(d => d.Day == new DateOnly(2025, 2, 10)).Figures.Chats);

        // A month that lost its activation reads its days again.
        await Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var again = await reports.GetAsync(new ReportQuery(_property, new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28)));
        Assert.Equal((29L, 1L), (again.Totals.Chats, again.Totals.Tickets));
    }

    private Task ApplyAsync(DateOnly day, string key, ReportDayPart part) =>
        Client.GetGrain<IReportDayGrain>(ReportDayKeys.Of(_property, day)).ApplyAsync(key, part);

    private static ReportDayPart Chat(string agent)
    {
        var part = new ReportDayPart();
        part.Slice(ReportSlices.All).Chats = 1;
        part.Slice(ReportSlices.Agent(agent)).Chats = 1;
        return part;
    }

    private static ReportDayPart Ticket(string department)
    {
        var part = new ReportDayPart();
        part.Slice(ReportSlices.All).Tickets = 1;
        part.Slice(ReportSlices.Department(department)).Tickets = 1;
        return part;
    }
}
