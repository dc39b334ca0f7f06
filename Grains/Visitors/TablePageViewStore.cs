using System.Globalization;
using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Visitors;

/// <summary>Page views in an append-only table: partition = visitor, row = sequence.</summary>
public sealed class TablePageViewStore(TableServiceClient tableService) : IPageViewStore
{
    private TableClient? _table;

    public async Task AppendAsync(string visitorKey, long sequence, PageView pageView, CancellationToken cancellationToken = default)
    {
        _table ??= await CreateAsync(cancellationToken);
        var entity = new TableEntity(visitorKey.Replace('/', '|'), sequence.ToString("D19", CultureInfo.InvariantCulture))
        {
            ["Url"] = pageView.Url,
            ["Title"] = pageView.Title,
            ["At"] = pageView.At,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task<TableClient> CreateAsync(CancellationToken cancellationToken)
    {
        var table = tableService.GetTableClient(ConversationsNames.PageViewsTable);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }
}
