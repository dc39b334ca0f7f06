using Orleans.Concurrency;

namespace Conversations.Grains.Interfaces.Search;

/// <summary>
/// A property's full-text search over its conversations (SRCH-1), keyed by property id. It follows the property's
/// committed changes and answers searches combined with the inbox filters.
/// </summary>
[Alias("Conversations.IConversationSearchGrain")]
public interface IConversationSearchGrain : IGrainWithStringKey
{
    /// <summary>Interleaves: searches run side by side on the thread pool, each on the index as it was when it began.</summary>
    [Alias("Search"), AlwaysInterleave]
    Task<ConversationSearchPage> SearchAsync(ConversationSearchQuery query);

    /// <summary>Starts building the index again from the inbox rows and the message table; returns at once with the progress.</summary>
    [Alias("Rebuild")]
    Task<SearchIndexProgress> RebuildAsync();

    [Alias("GetProgress")]
    Task<SearchIndexProgress> GetProgressAsync();

    /// <summary>
    /// Removes a purged conversation at once and for good (BIN-2); later events of it are ignored. It interleaves: the
    /// purging conversation waits for it while the index may be waiting for that conversation's row.
    /// </summary>
    [Alias("RemovePurged"), AlwaysInterleave]
    Task RemovePurgedAsync(Guid conversationId);

    /// <summary>
    /// Drops what the index holds of a live conversation, as when its events were lost; its next event brings it all back
    /// from the source. For repair tooling and tests of the catch-up.
    /// </summary>
    [Alias("Drop")]
    Task DropAsync(Guid conversationId);
}
