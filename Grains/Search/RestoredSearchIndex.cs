namespace Conversations.Grains.Search;

/// <summary>An index restored from a snapshot and what its follower knew when the snapshot was taken.</summary>
public sealed record RestoredSearchIndex(IConversationSearchIndex Index, byte[] FollowerState, DateTimeOffset TakenAt);
