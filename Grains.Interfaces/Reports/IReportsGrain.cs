namespace Conversations.Grains.Interfaces.Reports;

/// <summary>Answers reports from the per-day aggregates (RPT-1); a stateless worker, so any silo answers with local calls.</summary>
[Alias("Conversations.IReportsGrain")]
public interface IReportsGrain : IGrainWithIntegerKey
{
    [Alias("Get")]
    Task<ReportView> GetAsync(ReportQuery query);
}
