namespace Conversations.Grains.Reports;

/// <summary>The report cards of conversations (one row per conversation, by property), kept by the report follower.</summary>
public interface IReportCardStore
{
    Task<ReportCard?> GetAsync(string propertyId, Guid conversationId, CancellationToken cancellationToken = default);

    Task SaveAsync(string propertyId, ReportCard card, CancellationToken cancellationToken = default);

    /// <summary>Removes a purged conversation's card (BIN-2: nothing keyed by its id stays behind).</summary>
    Task DeleteAsync(string propertyId, Guid conversationId, CancellationToken cancellationToken = default);
}
