using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Inbox;

/// <summary>
/// One shard of a property's inbox read model, keyed "{propertyId}/{shard}" (<see cref="InboxShards"/>).
/// Rows live in memory and are checkpointed; conversation grains push their row after each durable change.
/// </summary>
[Alias("Conversations.IInboxShardGrain")]
public interface IInboxShardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Durably notes that the conversation is about to write <paramref name="version"/>; called before its state
    /// write. A version noted but never upserted (the writer died in between) is repaired by asking the conversation.
    /// </summary>
    [Alias("Expect")]
    Task ExpectAsync(Guid conversationId, ConversationKind kind, long version);

    /// <summary>
    /// Stores the row unless the shard already holds this version or a later one. Returns once the row is in memory (queries see it);
    /// its checkpoint follows, and until then the version's durable expectation lets the shard repair it after a crash.
    /// </summary>
    [Alias("Upsert")]
    Task UpsertAsync(InboxRow row);

    /// <summary>
    /// The sort keys of this shard's rows matching the query, up to Limit + 1 of them after the cursor, their total,
    /// and the rows of the first few keys.
    /// </summary>
    [Alias("QueryKeys")]
    Task<InboxKeyPage> QueryKeysAsync(InboxQuery query);

    /// <summary>The rows held for these ids, in the same order; ids not held are left out.</summary>
    [Alias("GetRows")]
    Task<IReadOnlyList<InboxRow>> GetRowsAsync(IReadOnlyList<Guid> conversationIds);

    [Alias("Get")]
    Task<InboxRow?> GetAsync(Guid conversationId);

    /// <summary>Every row but purged ones; for consistency checks, not for lists.</summary>
    [Alias("GetAll")]
    [ResponseTimeout(GrainCallTimeouts.Long)]
    Task<IReadOnlyList<InboxRow>> GetAllAsync();
}
