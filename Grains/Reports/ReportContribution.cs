using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Reports;
using Conversations.Grains.Interfaces.Sla;

namespace Conversations.Grains.Reports;

/// <summary>
/// What a report card adds to which day and slice (RPT-1), and the difference between two cards: a change is applied to the
/// days as new minus old, so reassigning a conversation moves it between agents and reopening a ticket takes its resolution back.
/// </summary>
public static class ReportContribution
{
    public static Dictionary<DateOnly, ReportDayPart> Of(ReportCard? card)
    {
        var days = new Dictionary<DateOnly, ReportDayPart>();
        if (card is not { Counted: true })
        {
            return days;
        }

        var slices = SlicesOf(card);
        Add(days, card.CreatedAt, slices, c =>
        {
            if (card.Kind == ConversationKind.Chat)
            {
                c.Chats++;
            }
            else
            {
                c.Tickets++;
            }

            c.ByHour[card.CreatedAt.UtcDateTime.Hour]++;
            if (card.FirstResponseAt is { } responded)
            {
                c.FirstResponse.Add(responded - card.CreatedAt);
            }

            if (card.Missed)
            {
                c.Missed++;
            }

            if (card.Sla is { } sla)
            {
                CountSla(c, sla);
            }
        });

        if (card.ResolvedAt is { } resolved)
        {
            Add(days, resolved, slices, c =>
            {
                c.Resolved++;
                c.Resolution.Add(resolved - card.CreatedAt);
            });
        }

        if (card.RatedAt is { } rated && card.Rating != ChatRatingValue.None)
        {
            Add(days, rated, slices, c => _ = card.Rating == ChatRatingValue.Good ? c.RatingsGood++ : c.RatingsBad++);
        }

        return days;
    }

    /// <summary>Per day, what moving from <paramref name="before"/> to <paramref name="after"/> adds (days that do not change are left out).</summary>
    public static Dictionary<DateOnly, ReportDayPart> Delta(ReportCard? before, ReportCard? after)
    {
        var delta = Of(after);
        foreach (var (day, part) in Of(before))
        {
            if (!delta.TryGetValue(day, out var target))
            {
                delta[day] = target = new ReportDayPart();
            }

            target.Merge(part, sign: -1);
        }

        foreach (var day in delta.Where(d => d.Value.Slices.Count == 0).Select(d => d.Key).ToList())
        {
            delta.Remove(day);
        }

        return delta;
    }

    private static void CountSla(ReportCounts c, SlaOutcome sla)
    {
        c.SlaMet += sla.Met;
        c.SlaBreached += sla.Breached;
        c.FirstResponseSlaMet += sla.FirstResponse == SlaResult.Met ? 1 : 0;
        c.FirstResponseSlaBreached += sla.FirstResponse == SlaResult.Breached ? 1 : 0;
        c.NextResponseSlaMet += sla.NextResponsesMet;
        c.NextResponseSlaBreached += sla.NextResponsesBreached;
        c.ResolutionSlaMet += sla.Resolution == SlaResult.Met ? 1 : 0;
        c.ResolutionSlaBreached += sla.Resolution == SlaResult.Breached ? 1 : 0;
    }

    private static List<string> SlicesOf(ReportCard card)
    {
        List<string> slices = [ReportSlices.All];
        if (card.Agent is { } agent)
        {
            slices.Add(ReportSlices.Agent(agent));
        }

        if (card.DepartmentId is { } department)
        {
            slices.Add(ReportSlices.Department(department));
        }

        return slices;
    }

    private static void Add(Dictionary<DateOnly, ReportDayPart> days, DateTimeOffset at, List<string> slices, Action<ReportCounts> count)
    {
        var day = ReportDayKeys.DayOf(at);
        if (!days.TryGetValue(day, out var part))
        {
            days[day] = part = new ReportDayPart();
        }

        foreach (var slice in slices)
        {
            count(part.Slice(slice));
        }
    }
}
