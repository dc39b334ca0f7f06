namespace Conversations.Grains.Interfaces.Reports;

/// <summary>Follows a property's committed conversation changes into the report days (RPT-1); keyed by property id.</summary>
[Alias("Conversations.IReportFollowerGrain")]
public interface IReportFollowerGrain : IGrainWithStringKey
{
    /// <summary>How many changes it has applied since it was activated (for tests and diagnostics).</summary>
    [Alias("GetApplied")]
    Task<long> GetAppliedAsync();
}
