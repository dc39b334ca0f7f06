namespace Conversations.Grains.Interfaces.Sla;

/// <summary>SLA-1: one per property (keyed by its id); follows the property's committed changes and keeps each open conversation's due times.</summary>
[Alias("Conversations.ISlaGrain")]
public interface ISlaGrain : IGrainWithStringKey
{
    [Alias("GetSettings")]
    Task<SlaSettings> GetSettingsAsync();

    [Alias("SetSettings")]
    Task<SlaSettings> SetSettingsAsync(SlaSettings settings);

    /// <summary>The conversation's due times, or null when no target runs for it.</summary>
    [Alias("Get")]
    Task<SlaStatus?> GetAsync(Guid conversationId);

    /// <summary>The due times of those of <paramref name="conversationIds"/> that have targets running (the inbox page's Due column).</summary>
    [Alias("GetMany")]
    Task<IReadOnlyList<SlaStatus>> GetManyAsync(IReadOnlyList<Guid> conversationIds);

    /// <summary>Open conversations with targets, soonest due first, at most <paramref name="max"/>.</summary>
    [Alias("List")]
    Task<IReadOnlyList<SlaStatus>> ListAsync(SlaFilter filter, int max);
}
