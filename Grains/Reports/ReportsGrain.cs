using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Reports;
using Orleans.Concurrency;

namespace Conversations.Grains.Reports;

/// <summary>Answers a report by adding up its days' aggregates (RPT-1): one call per day, no storage scan.</summary>
[StatelessWorker]
public sealed class ReportsGrain : Grain, IReportsGrain
{
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
        IReadOnlyList<string> slices = [slice];
        var days = Enumerable.Range(0, dayCount).Select(i => query.From.AddDays(i)).ToList();
        var parts = await Task.WhenAll(days.Select(day =>
            GrainFactory.GetGrain<IReportDayGrain>(ReportDayKeys.Of(query.PropertyId, day)).GetAsync(slices, query.WithBreakdown)));

        var total = new ReportCounts();
        var breakdown = new ReportDayPart();
        var dayFigures = new List<ReportDayFigures>(dayCount);
        for (var i = 0; i < dayCount; i++)
        {
            var counts = parts[i].Slices.GetValueOrDefault(slice) ?? new ReportCounts();
            total.Merge(counts);
            dayFigures.Add(new ReportDayFigures(days[i], ReportFigures.Of(counts)));
            if (query.WithBreakdown)
            {
                parts[i].Slices.Remove(ReportSlices.All);
                breakdown.Merge(parts[i]);
            }
        }

        return new ReportView(query, ReportFigures.Of(total), dayFigures, total.ByHour, Rows(breakdown, ReportSlices.AgentPrefix), Rows(breakdown, ReportSlices.DepartmentPrefix));
    }

    private static List<ReportBreakdownRow> Rows(ReportDayPart breakdown, string prefix) =>
        breakdown.Slices
            .Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => new ReportBreakdownRow(s.Key[prefix.Length..], ReportFigures.Of(s.Value)))
            .OrderByDescending(r => r.Figures.Chats + r.Figures.Tickets)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
}
