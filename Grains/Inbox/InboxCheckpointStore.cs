using System.Text.Json;
using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>
/// The inbox shards' checkpoints: one entity per row (partition = shard, row key = conversation id), written
/// in transactions of up to 100 and read back only when a shard activates. No list query reads this table.
/// </summary>
public sealed class InboxCheckpointStore(TableServiceClient tableService)
{
    private const int MaxBatch = 100;
    private TableClient? _table;

    public async Task<List<InboxRow>> LoadAsync(string shardKey, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var partition = Partition(shardKey);
        var rows = new List<InboxRow>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            if (entity.GetString("Row") is { } json && JsonSerializer.Deserialize<InboxRow>(json) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    public async Task SaveAsync(string shardKey, IReadOnlyCollection<InboxRow> rows, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var partition = Partition(shardKey);
        foreach (var chunk in rows.Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new TableEntity(partition, row.Id.ToString("N")) { ["Row"] = JsonSerializer.Serialize(row) })),
                cancellationToken);
        }
    }

    /// <summary>Property ids are lower-case letters, digits and dashes; the shard key's slash is not allowed in a partition key.</summary>
    private static string Partition(string shardKey) => shardKey.Replace('/', '_');

    // Not cached until creation succeeds, so storage that was down at first use is retried.
    private async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        if (_table is { } ready)
        {
            return ready;
        }

        var table = tableService.GetTableClient(ConversationsNames.InboxTable);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return _table = table;
    }
}
