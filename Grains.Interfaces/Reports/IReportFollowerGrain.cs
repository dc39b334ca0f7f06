using Conversations.Grains.Interfaces.Sla;

namespace Conversations.Grains.Interfaces.Reports;

/// <summary>Follows a property's committed conversation changes into the report days (RPT-1); keyed by property id.</summary>
[Alias("Conversations.IReportFollowerGrain")]
public interface IReportFollowerGrain : IGrainWithStringKey
{
    /// <summary>How many changes it has applied since it was activated (for tests and diagnostics).</summary>
    [Alias("GetApplied")]
    Task<long> GetAppliedAsync();

    /// <summary>
    /// SLA outcomes (SLA-1) to count; returns once they are stored. An outcome at or below the sequence a conversation's card has
    /// taken in changes nothing, so the SLA follower hands them over again until this returns.
    /// </summary>
    [Alias("TakeSlaOutcomes")]
    Task TakeSlaOutcomesAsync(IReadOnlyList<SlaOutcome> outcomes);
}
