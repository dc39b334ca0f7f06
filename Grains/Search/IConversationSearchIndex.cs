using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Search;

/// <summary>
/// A full-text index of one property's conversations (Lucene in the product): a document per message and one per
/// conversation's own fields. One owner writes (the search grain, or the benchmark); <see cref="Search"/> may run on any
/// thread at the same time, on what was written before it began.
/// </summary>
public interface IConversationSearchIndex : IDisposable
{
    long MessageCount { get; }

    /// <summary>Bytes the index takes on disk (or in memory) now.</summary>
    long SizeInBytes { get; }

    /// <summary>Puts or replaces the conversation's own document (title, email, tags).</summary>
    void UpsertConversation(SearchedConversationFields fields);

    void AddMessage(Guid conversationId, ConversationMessage message);

    void RemoveConversation(Guid conversationId);

    void Clear();

    /// <summary>Rewrites the parts that hold removed documents, so that nothing of them is left in the index's files (BIN-2).</summary>
    void ExpungeDeletes();

    /// <summary>
    /// The hits of <paramref name="text"/> whose conversation <paramref name="accept"/> lets through, best first.
    /// Throws <see cref="SearchQueryException"/> for text that is not a valid query.
    /// </summary>
    SearchIndexResult Search(string text, bool includeWhispers, Func<Guid, bool> accept, int offset, int limit);
}
