namespace Conversations.Grains.Search;

/// <summary>The search text is not a query the index can run (a syntax error, or one that expands too far).</summary>
public sealed class SearchQueryException(string message) : Exception(message);
