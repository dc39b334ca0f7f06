using Azure.Data.Tables;

namespace Conversations.Infrastructure.Storage;

/// <summary>A table created on first use. Not cached until creation succeeds, so storage that was down at first use is retried.</summary>
internal sealed class TableOnFirstUse(TableServiceClient tableService, string tableName)
{
    private TableClient? _table;

    public async ValueTask<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        if (_table is { } ready)
        {
            return ready;
        }

        var table = tableService.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return _table = table;
    }
}
