using Conversations.Grains.Interfaces.Reports;
using Orleans.Concurrency;

namespace Conversations.Grains.Reports;

/// <summary>
/// One property's report month (RPT-1): keeps its days' snapshots and their sum in memory, so a report over months adds up one
/// sum per month. A day grain calls <see cref="DayChangedAsync"/> after each change; that day alone is read again on the next
/// query. Reentrant, so concurrent reports do not queue behind a day read; a read that a change overtook is used once, not kept.
/// Nothing is stored: a new activation reads its days again.
/// </summary>
[Reentrant]
public sealed class ReportMonthGrain : Grain, IReportMonthGrain
{
    private ReportDaySnapshot?[] _days = [];
    private long[] _changes = [];
    private Dictionary<string, ReportCounts>? _whole;
    private DateOnly _first;
    private string _propertyId = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_first, _propertyId) = ReportDayKeys.ParseMonth(this.GetPrimaryKeyString());
        var length = DateTime.DaysInMonth(_first.Year, _first.Month);
        _days = new ReportDaySnapshot?[length];
        _changes = new long[length];
        return Task.CompletedTask;
    }

    public Task DayChangedAsync(DateOnly day)
    {
        if (IndexOf(day) is { } index)
        {
            _days[index] = null;
            _changes[index]++;
            _whole = null;
        }

        return Task.CompletedTask;
    }

    public async Task<ReportMonthPart> GetAsync(DateOnly from, DateOnly to, string slice, bool withBreakdown)
    {
        if (IndexOf(from) is not { } start || IndexOf(to) is not { } end || end < start)
        {
            throw new ArgumentException($"{from}..{to} is not a period of the month {_first:yyyy-MM}.");
        }

        var changesBefore = (long[])_changes.Clone();
        var days = await DaysAsync(start, end);
        var figures = days.Select(d => d.Figures.GetValueOrDefault(slice)).ToList();
        var whole = start == 0 && end == _days.Length - 1;
        IReadOnlyDictionary<string, ReportCounts> sums;
        if (whole && _whole is { } cached)
        {
            sums = cached;
        }
        else
        {
            // A whole month is summed over every slice and kept (until a day changes); a part only over what is asked.
            var summed = DenseCounts.BySlice(days.Select(d => d.Slices), whole || withBreakdown ? null : slice)
                .ToDictionary(s => s.Key, s => s.Value.Counts(), StringComparer.Ordinal);
            if (whole && changesBefore.SequenceEqual(_changes))
            {
                _whole = summed;
            }

            sums = summed;
        }

        if (!withBreakdown)
        {
            sums = sums.TryGetValue(slice, out var counts)
                ? new Dictionary<string, ReportCounts>(StringComparer.Ordinal) { [slice] = counts }
                : new Dictionary<string, ReportCounts>(StringComparer.Ordinal);
        }

        return new ReportMonthPart(sums, figures);
    }

    /// <summary>The days' snapshots, read from the day grains where not kept; a read overtaken by a change of its day is not kept.</summary>
    private async Task<ReportDaySnapshot[]> DaysAsync(int start, int end)
    {
        // What is kept now, before any await: a change that comes in meanwhile drops it from the cache, not from this read.
        var result = Enumerable.Range(start, end - start + 1).Select(i => _days[i]).ToArray();
        var missing = Enumerable.Range(start, end - start + 1).Where(i => result[i - start] is null).ToList();
        if (missing.Count == 0)
        {
            return [.. result.Select(d => d!)];
        }

        var changes = missing.Select(i => _changes[i]).ToList();
        var read = await Task.WhenAll(missing.Select(i =>
            GrainFactory.GetGrain<IReportDayGrain>(ReportDayKeys.Of(_propertyId, _first.AddDays(i))).GetAsync([], withBreakdown: true)));
        for (var j = 0; j < missing.Count; j++)
        {
            var index = missing[j];
            result[index - start] = read[j];
            if (_changes[index] == changes[j])
            {
                _days[index] = read[j];
            }
        }

        return [.. result.Select(d => d!)];
    }

    private int? IndexOf(DateOnly day) =>
        day.Year == _first.Year && day.Month == _first.Month ? day.Day - 1 : null;
}
