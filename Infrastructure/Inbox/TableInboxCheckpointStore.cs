using System.Text.Json;
using Azure.Data.Tables;
using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Hosting;
using Conversations.Infrastructure.Storage;

namespace Conversations.Infrastructure.Inbox;

/// <summary>
/// The inbox shards' checkpoints: one entity per row (partition = shard, row key = conversation id), written
/// in transactions of up to 100 and read back only when a shard activates. No list query reads this table.
/// </summary>
public sealed class TableInboxCheckpointStore(TableServiceClient tableService) : IInboxCheckpointStore
{
    private const int MaxBatch = 100;
    private readonly TableOnFirstUse _table = new(tableService, StorageNames.InboxTable);

    public async Task<List<InboxCheckpoint>> LoadAsync(string shardKey, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var partition = Partition(shardKey);
        var entries = new List<InboxCheckpoint>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            var row = entity.GetString("Row") is { } json ? JsonSerializer.Deserialize<InboxRow>(json) : null;
            var expected = entity.GetInt64("Expected") is { } version
                ? new InboxExpectation((ConversationKind)(entity.GetInt32("Kind") ?? 0), version, now, Reloaded: true)
                : null;
            entries.Add(new InboxCheckpoint(Guid.ParseExact(entity.RowKey, "N"), row, expected));
        }

        return entries;
    }

    public async Task SaveAsync(string shardKey, IReadOnlyCollection<InboxCheckpoint> entries, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var partition = Partition(shardKey);
        foreach (var chunk in entries.Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(entry => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Entity(partition, entry))),
                cancellationToken);
        }
    }

    private static TableEntity Entity(string partition, InboxCheckpoint entry)
    {
        var entity = new TableEntity(partition, entry.Id.ToString("N"));
        if (entry.Row is { } row)
        {
            entity["Row"] = JsonSerializer.Serialize(row);
        }

        if (entry.Expected is { } expected)
        {
            entity["Expected"] = expected.Version;
            entity["Kind"] = (int)expected.Kind;
        }

        return entity;
    }

    /// <summary>Property ids are lower-case letters, digits and dashes; the shard key's slash is not allowed in a partition key.</summary>
    private static string Partition(string shardKey) => shardKey.Replace('/', '_');
}
