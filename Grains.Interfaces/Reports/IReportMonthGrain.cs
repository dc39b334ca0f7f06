namespace Conversations.Grains.Interfaces.Reports;

/// <summary>
/// One property's report figures of one UTC month (RPT-1), keyed by <see cref="ReportDayKeys.Month"/>: a cache over its day grains,
/// so a year's report makes 12 calls and adds up 12 sums instead of 366 days. A day grain tells it when the day changed.
/// </summary>
[Alias("Conversations.IReportMonthGrain")]
public interface IReportMonthGrain : IGrainWithStringKey
{
    /// <summary>The days <paramref name="from"/>..<paramref name="to"/> (both in this month) of <paramref name="slice"/>, with a breakdown every slice.</summary>
    [Alias("Get")]
    Task<ReportMonthPart> GetAsync(DateOnly from, DateOnly to, string slice, bool withBreakdown);

    /// <summary>The day's figures changed: the next read takes them from the day again.</summary>
    [Alias("DayChanged")]
    Task DayChangedAsync(DateOnly day);
}
