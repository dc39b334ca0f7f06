namespace Conversations.Grains.Interfaces.Search;

/// <summary>
/// How far the index is built: while <see cref="Rebuilding"/>, <see cref="ConversationsDone"/> of
/// <see cref="ConversationsTotal"/> are in it (searches answer from what is there). Since the index activated,
/// <see cref="MessagesRestored"/> came from its snapshot and <see cref="MessagesReadFromSource"/> were read from the message
/// table (a rebuild, or catching up what changed after the snapshot); <see cref="SnapshotAt"/> is its latest snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.SearchIndexProgress")]
public sealed record SearchIndexProgress(
    [property: Id(0)] bool Rebuilding,
    [property: Id(1)] int ConversationsDone,
    [property: Id(2)] int ConversationsTotal,
    [property: Id(3)] long MessagesIndexed,
    [property: Id(4)] DateTimeOffset? BuiltAt,
    [property: Id(5)] long MessagesRestored = 0,
    [property: Id(6)] long MessagesReadFromSource = 0,
    [property: Id(7)] DateTimeOffset? SnapshotAt = null)
{
    /// <summary>0-100.</summary>
    public int Percent => ConversationsTotal == 0 ? (Rebuilding ? 0 : 100) : (int)(100L * ConversationsDone / ConversationsTotal);
}
