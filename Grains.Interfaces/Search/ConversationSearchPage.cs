namespace Conversations.Grains.Interfaces.Search;

/// <summary>A page of hits, best first; <see cref="Total"/> counts every hit that passes the filters.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ConversationSearchPage")]
public sealed record ConversationSearchPage(
    [property: Id(0)] IReadOnlyList<ConversationSearchHit> Hits,
    [property: Id(1)] int Total,
    [property: Id(2)] int Offset,
    [property: Id(3)] SearchIndexProgress Index);
