namespace Conversations.Grains.Search;

/// <summary>One page of hits and how many there are in all (at least, when <paramref name="TotalIsLowerBound"/>: the search stopped ranking there).</summary>
public sealed record SearchIndexResult(IReadOnlyList<SearchIndexHit> Hits, int Total, bool TotalIsLowerBound = false);
