using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Conversations.Grains.Audit;
using Conversations.Grains.Interfaces.Audit;
using Conversations.Grains.Interfaces.Common;
using Conversations.Hosting;
using Conversations.Infrastructure.Storage;

namespace Conversations.Infrastructure.Audit;

/// <summary>
/// The audit log in an append-only table (AUD-1): partition = property, row = the entry id (time counted down, so a page is the
/// newest first). Entries are only ever added; a period is a row-key range, actor, action and target are filters within it.
/// </summary>
public sealed class TableAuditStore(TableServiceClient tableService) : IAuditStore
{
    private readonly TableOnFirstUse _table = new(tableService, StorageNames.AuditTable);

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = new TableEntity(entry.PropertyId, entry.Id)
        {
            ["At"] = entry.At,
            ["ActorId"] = entry.ActorId,
            ["ActorName"] = entry.ActorName,
            ["Action"] = entry.Action,
            ["TargetKind"] = entry.TargetKind,
            ["TargetId"] = entry.TargetId,
            ["Before"] = entry.Before,
            ["After"] = entry.After,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Written before (a redelivered change): an entry is never replaced.
        }
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        List<string> filters = [TableClient.CreateQueryFilter($"PartitionKey eq {query.PropertyId}")];
        if (query.To is { } to)
        {
            filters.Add(TableClient.CreateQueryFilter($"RowKey ge {AuditIds.TimePrefix(to)}"));
        }

        if (query.From is { } from)
        {
            var justBefore = (DateTimeOffset.MaxValue.UtcTicks - from.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
            filters.Add(TableClient.CreateQueryFilter($"RowKey lt {justBefore}"));
        }

        if (query.ActorId is { } actor)
        {
            filters.Add(TableClient.CreateQueryFilter($"ActorId eq {actor}"));
        }

        if (query.Action is { } action)
        {
            filters.Add(TableClient.CreateQueryFilter($"Action eq {action}"));
        }

        if (query.TargetId is { } target)
        {
            filters.Add(TableClient.CreateQueryFilter($"TargetId eq {target}"));
        }

        var entries = new List<AuditEntry>(query.Limit);
        var continuation = Decode(query.Continuation);
        try
        {
            // A filtered page may come back short or empty with more to read: keep reading until the page is full or the end.
            do
            {
                await foreach (var page in table.QueryAsync<TableEntity>(string.Join(" and ", filters), maxPerPage: query.Limit - entries.Count, cancellationToken: cancellationToken)
                    .AsPages(continuation, query.Limit - entries.Count))
                {
                    entries.AddRange(page.Values.Select(e => Entry(query.PropertyId, e)));
                    continuation = page.ContinuationToken;
                    break;
                }
            }
            while (continuation is not null && entries.Count < query.Limit);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or RequestFailedException { Status: >= 400 and < 500 })
        {
            throw DomainException.Invalid("The continuation is not one this log gave out.");
        }

        return new AuditPage(entries, Encode(continuation));
    }

    /// <summary>The storage's continuation, opaque to callers (base64url); one that is not ours is refused before storage sees it.</summary>
    private static string? Encode(string? continuation) =>
        continuation is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(continuation)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string? token)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.Length is > 0 and < 700 && text.All(c => c is >= ' ' and <= '~'))
            {
                return text;
            }
        }
        catch (FormatException)
        {
        }

        throw DomainException.Invalid("The continuation is not one this log gave out.");
    }

    private static AuditEntry Entry(string propertyId, TableEntity e) => new(
        e.RowKey, propertyId, e.GetDateTimeOffset("At") ?? default, e.GetString("ActorId") ?? "", e.GetString("ActorName") ?? "",
        e.GetString("Action") ?? "", e.GetString("TargetKind") ?? "", e.GetString("TargetId") ?? "", e.GetString("Before"), e.GetString("After"));
}
