namespace Conversations.Grains.Interfaces.Search;

/// <summary>
/// A page of hits, best first; <see cref="Total"/> counts every hit that passes the filters, or, when
/// <see cref="TotalIsLowerBound"/>, the newest matches ranked (a query matching more than that many messages is ranked among its newest).
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.ConversationSearchPage")]
public sealed record ConversationSearchPage(
    [property: Id(0)] IReadOnlyList<ConversationSearchHit> Hits,
    [property: Id(1)] int Total,
    [property: Id(2)] int Offset,
    [property: Id(3)] SearchIndexProgress Index,
    [property: Id(4)] bool TotalIsLowerBound = false);
