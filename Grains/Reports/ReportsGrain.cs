using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Reports;
using Orleans.Concurrency;

namespace Conversations.Grains.Reports;

/// <summary>Answers a report by adding up its days' aggregates (RPT-1): one call per day, no storage scan.</summary>
[StatelessWorker]
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
        IReadOnlyList<string> slices = [slice];
        var days = Enumerable.Range(0, dayCount).Select(i => query.From.AddDays(i)).ToList();
        var snapshots = await Task.WhenAll(days.Select(day =>
            GrainFactory.GetGrain<IReportDayGrain>(ReportDayKeys.Of(query.PropertyId, day)).GetAsync(slices, query.WithBreakdown)));

        var total = new DenseCounts();
        var breakdown = new Dictionary<string, DenseCounts>(StringComparer.Ordinal);
        var dayFigures = new List<ReportDayFigures>(dayCount);
        for (var i = 0; i < dayCount; i++)
        {
            var snapshot = snapshots[i];
            if (snapshot.Slices.TryGetValue(slice, out var counts))
            {
                total.Add(counts);
            }

            dayFigures.Add(new ReportDayFigures(days[i], snapshot.Figures.GetValueOrDefault(slice) ?? Nothing));
            if (query.WithBreakdown)
            {
                foreach (var (key, dayCounts) in snapshot.Slices)
                {
                    if (key != ReportSlices.All)
                    {
                        if (!breakdown.TryGetValue(key, out var sum))
                        {
                            breakdown[key] = sum = new DenseCounts();
                        }

                        sum.Add(dayCounts);
                    }
                }
            }
        }

        return new ReportView(query, total.Figures(), dayFigures, total.ByHour, Rows(breakdown, ReportSlices.AgentPrefix), Rows(breakdown, ReportSlices.DepartmentPrefix));
    }

    private static List<ReportBreakdownRow> Rows(Dictionary<string, DenseCounts> breakdown, string prefix) =>
        breakdown
            .Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => new ReportBreakdownRow(s.Key[prefix.Length..], s.Value.Figures()))
            .OrderByDescending(r => r.Figures.Chats + r.Figures.Tickets)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
}
