using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Interfaces.Search;

/// <summary>
/// Search text (Lucene query syntax; every word must match by default) with the inbox filters (its sort, cursor and limit
/// are not used) and a page by offset. Whispers match only when <see cref="IncludeWhispers"/> (agents' searches).
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ConversationSearchQuery")]
public sealed record ConversationSearchQuery(
    [property: Id(0)] string Text,
    [property: Id(1)] InboxQuery Filters,
    [property: Id(2)] bool IncludeWhispers,
    [property: Id(3)] int Offset = 0,
    [property: Id(4)] int Limit = 20)
{
    public const int MaxLimit = 50;

    public const int MaxOffset = 1000;

    public const int MaxTextLength = 500;
}
