using Orleans.Concurrency;

namespace Conversations.Grains.Interfaces.Reports;

/// <summary>One property's report figures of one UTC day (RPT-1); keyed by <see cref="ReportDayKeys"/>.</summary>
[Alias("Conversations.IReportDayGrain")]
public interface IReportDayGrain : IGrainWithStringKey
{
    /// <summary>Adds a delta once: a change key applied before (a redelivered event) is ignored.</summary>
    [Alias("Apply")]
    Task ApplyAsync(string changeKey, ReportDayPart delta);

    /// <summary>The day's slices named, and with a breakdown every agent's and department's.</summary>
    [Alias("Get"), ReadOnly]
    Task<ReportDaySnapshot> GetAsync(IReadOnlyList<string> slices, bool withBreakdown);
}
