using System.Globalization;
using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Grains.Visitors;
using Conversations.Hosting;
using Conversations.Infrastructure.Storage;

namespace Conversations.Infrastructure.Visitors;

/// <summary>
/// Page views in an append-only table: partition = visitor, row = the sequence counted down from
/// long.MaxValue, so a range query returns the newest first.
/// </summary>
public sealed class TablePageViewStore(TableServiceClient tableService) : IPageViewStore
{
    private readonly TableOnFirstUse _table = new(tableService, StorageNames.PageViewsTable);

    public async Task AppendAsync(string visitorKey, PageView pageView, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = new TableEntity(Partition(visitorKey), RowKey(pageView.Sequence))
        {
            ["Url"] = pageView.Url,
            ["Title"] = pageView.Title,
            ["At"] = pageView.At,
            ["Sequence"] = pageView.Sequence,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<PageView>> ReadAsync(string visitorKey, long beforeSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var partition = Partition(visitorKey);
        var after = RowKey(beforeSequence);
        var views = new List<PageView>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(after) > 0, maxPerPage: maxCount, cancellationToken: cancellationToken))
        {
            views.Add(new PageView(entity.GetString("Url"), entity.GetString("Title"), entity.GetDateTimeOffset("At") ?? default, entity.GetInt64("Sequence") ?? 0));
            if (views.Count == maxCount)
            {
                break;
            }
        }

        return views;
    }

    private static string Partition(string visitorKey) => visitorKey.Replace('/', '|');

    private static string RowKey(long sequence) => (long.MaxValue - sequence).ToString("D19", CultureInfo.InvariantCulture);
}
