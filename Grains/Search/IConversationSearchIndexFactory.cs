namespace Conversations.Grains.Search;

/// <summary>
/// Makes a search grain's index: empty, or restored from the property's latest snapshot, which is kept where every silo
/// finds it, so an index that moves to another silo goes on from there instead of being built again.
/// </summary>
public interface IConversationSearchIndexFactory
{
    IConversationSearchIndex Create(string propertyId);

    /// <summary>The index as of the property's latest snapshot, with the follower state saved with it; null when there is none.</summary>
    Task<RestoredSearchIndex?> RestoreAsync(string propertyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits <paramref name="index"/> with <paramref name="followerState"/> before it returns (so the caller takes both in
    /// one turn, consistent with each other), then copies the commit to the snapshot store while writing goes on, and
    /// removes what the previous snapshot held that this one does not.
    /// </summary>
    Task SaveSnapshotAsync(string propertyId, IConversationSearchIndex index, byte[] followerState, CancellationToken cancellationToken = default);
}
