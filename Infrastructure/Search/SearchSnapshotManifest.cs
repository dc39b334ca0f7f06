namespace Conversations.Infrastructure.Search;

/// <summary>
/// The blob naming a property's latest search snapshot: the index's lineage (<paramref name="Epoch"/>: file names are unique
/// within one), the commit's generation and files, when it was taken, and the index <paramref name="Schema"/> it was built
/// with (0 for snapshots from before the schema was recorded). Written last, so it only names uploaded blobs.
/// </summary>
internal sealed record SearchSnapshotManifest(Guid Epoch, long Generation, IReadOnlyList<string> Files, DateTimeOffset TakenAt, int Schema = 0);
