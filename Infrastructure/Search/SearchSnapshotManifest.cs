namespace Conversations.Infrastructure.Search;

/// <summary>
/// The blob naming a property's latest search snapshot: the index's lineage (<paramref name="Epoch"/>: file names are unique
/// within one), the commit's generation and files, and when it was taken. Written last, so it only names uploaded blobs.
/// </summary>
internal sealed record SearchSnapshotManifest(Guid Epoch, long Generation, IReadOnlyList<string> Files, DateTimeOffset TakenAt);
