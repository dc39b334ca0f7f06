using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Reports;
using Orleans.Concurrency;

namespace Conversations.Grains.Reports;

/// <summary>
/// Answers a report by adding up its months' sums (RPT-1): one call per month, no storage scan. A stateless worker, reentrant
/// since it keeps nothing: concurrent reports on a silo do not queue behind each other's calls.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class ReportsGrain : Grain, IReportsGrain
{
    private static readonly ReportFigures Nothing = ReportFigures.Of(new ReportCounts());

    public async Task<ReportView> GetAsync(ReportQuery query)
    {
        TableKeys.Require(query.PropertyId, "The property id");
        if (query.To < query.From)
        {
            throw DomainException.Invalid("The period ends before it starts.");
        }

        var dayCount = query.To.DayNumber - query.From.DayNumber + 1;
        if (dayCount > ReportQuery.MaxDays)
        {
            throw DomainException.Invalid($"A report covers at most {ReportQuery.MaxDays} days.");
        }

        var slice = query.AgentId is { } agent ? ReportSlices.Agent(agent)
            : query.DepartmentId is { } department ? ReportSlices.Department(department)
            : ReportSlices.All;
        var parts = await Task.WhenAll(MonthsOf(query.From, query.To).Select(m =>
            GrainFactory.GetGrain<IReportMonthGrain>(ReportDayKeys.Month(query.PropertyId, m.From)).GetAsync(m.From, m.To, slice, query.WithBreakdown)));

        var sums = DenseCounts.BySlice(parts.Select(p => p.Slices), query.WithBreakdown ? null : slice);
        var total = sums.GetValueOrDefault(slice) ?? new DenseCounts();
        var dayFigures = parts.SelectMany(p => p.Days).Select((figures, i) => new ReportDayFigures(query.From.AddDays(i), figures ?? Nothing)).ToList();
        return query.WithBreakdown
            ? new ReportView(query, total.Figures(), dayFigures, total.ByHour, Rows(sums, ReportSlices.AgentPrefix), Rows(sums, ReportSlices.DepartmentPrefix))
            : new ReportView(query, total.Figures(), dayFigures, total.ByHour, [], []);
    }

    /// <summary>The period cut at month ends: each piece lies within one month.</summary>
    private static IEnumerable<(DateOnly From, DateOnly To)> MonthsOf(DateOnly from, DateOnly to)
    {
        var start = from;
        while (true)
        {
            var monthEnd = new DateOnly(start.Year, start.Month, DateTime.DaysInMonth(start.Year, start.Month));
            var end = monthEnd < to ? monthEnd : to;
            yield return (start, end);
            if (end >= to)
            {
                yield break;
            }

            start = end.AddDays(1);
        }
    }

    private static List<ReportBreakdownRow> Rows(Dictionary<string, DenseCounts> breakdown, string prefix) =>
        breakdown
            .Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => new ReportBreakdownRow(s.Key[prefix.Length..], s.Value.Figures()))
            .OrderByDescending(r => r.Figures.Chats + r.Figures.Tickets)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
}
