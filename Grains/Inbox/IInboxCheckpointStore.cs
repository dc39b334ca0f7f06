namespace Conversations.Grains.Inbox;

/// <summary>Where inbox shards keep their checkpoints: an Azure table in the product (Infrastructure/Inbox/TableInboxCheckpointStore), memory in the inbox benchmark.</summary>
public interface IInboxCheckpointStore
{
    Task<List<InboxCheckpoint>> LoadAsync(string shardKey, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task SaveAsync(string shardKey, IReadOnlyCollection<InboxCheckpoint> entries, CancellationToken cancellationToken = default);
}
