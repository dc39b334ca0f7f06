namespace Conversations.Grains.Search;

/// <summary>One page of hits and how many there are in all.</summary>
public sealed record SearchIndexResult(IReadOnlyList<SearchIndexHit> Hits, int Total);
