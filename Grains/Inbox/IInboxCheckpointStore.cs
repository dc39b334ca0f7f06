namespace Conversations.Grains.Inbox;

/// <summary>Where inbox shards keep their checkpoints: Azure Tables in the product (<see cref="InboxCheckpointStore"/>), memory in the inbox benchmark.</summary>
public interface IInboxCheckpointStore
{
    Task<List<InboxCheckpoint>> LoadAsync(string shardKey, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task SaveAsync(string shardKey, IReadOnlyCollection<InboxCheckpoint> entries, CancellationToken cancellationToken = default);
}
