using Azure;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Conversations.Tests.Infrastructure;

/// <summary>
/// Reads everything in a storage account — every row of every table, every blob of every container (name, metadata
/// and content) — and tells where any of the given strings appears, as text or as UTF-8 bytes. For tests that must
/// prove something is gone from storage, whatever component kept it.
/// </summary>
public static class StorageScan
{
    /// <summary>Where a needle was found: the table and row, or the container and blob, and what the place holds.</summary>
    public sealed record Finding(string Store, string Container, string Key, string Needle, IReadOnlyDictionary<string, object?> Values)
    {
        public override string ToString() => $"{Store} {Container} [{Key}] holds \"{Needle}\"";
    }

    public static async Task<IReadOnlyList<Finding>> FindAsync(string connectionString, params string[] needles)
    {
        var findings = new List<Finding>();
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var values = (IDictionary<string, object>)row;
                foreach (var needle in needles.Where(n => values.Values.Any(v => Holds(v, n))))
                {
                    findings.Add(new Finding("table", table.Name, $"{row.PartitionKey} | {row.RowKey}", needle, values.ToDictionary(v => v.Key, v => (object?)v.Value)));
                }
            }
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }))
            {
                byte[] content;
                try
                {
                    content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    continue; // deleted between listing and reading
                }

                foreach (var needle in needles.Where(n => Holds(blob.Name, n) || blob.Metadata.Values.Any(v => Holds(v, n)) || Holds(content, n)))
                {
                    findings.Add(new Finding("blob", container.Name, blob.Name, needle, blob.Metadata.ToDictionary(m => m.Key, m => (object?)m.Value)));
                }
            }
        }

        return findings;
    }

    /// <summary>
    /// BIN-2: asserts that nothing in storage holds any of <paramref name="content"/>, and that the id of the purged conversation
    /// is kept only where a purge must keep it: the conversation's own tombstone (which refuses the id forever), its tombstone
    /// row in the inbox index, the audit log's entries about it (AUD-1: ids and states, no content), and Orleans' bookkeeping of the conversation's event stream (no content; gone once the stream is idle).
    /// </summary>
    public static async Task AssertPurgedAsync(string connectionString, Guid conversationId, params string[] content)
    {
        // Followers of committed changes (reports) forget the conversation when they take in its purge, moments after it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var findings = await FindAsync(connectionString, [conversationId.ToString("N"), conversationId.ToString("D"), .. content]);
            var leftOver = findings.Where(f => content.Contains(f.Needle) || !IsTombstone(f, conversationId)).ToList();
            if (leftOver.Count == 0 || DateTime.UtcNow > deadline)
            {
                Assert.True(leftOver.Count == 0, "A purged conversation left data behind:\n" + string.Join("\n", leftOver));
                return;
            }

            await Task.Delay(200);
        }
    }

    private static bool IsTombstone(Finding finding, Guid id) => (finding.Container, finding.Key) switch
    {
        ("OrleansGrainState", var key) => key.EndsWith($"_chat_{id:N} | chat", StringComparison.Ordinal)
            || key.EndsWith($"_ticket_{id:N} | ticket", StringComparison.Ordinal),
        ("InboxIndex", var key) => key.EndsWith($" | {id:N}", StringComparison.Ordinal),

        // AUD-1: the audit log records actions on the conversation, its purge included, by id (never content).
        ("AuditLog", _) => true,
        _ => false,
    };

    private static bool Holds(object? value, string needle) => value switch
    {
        string text => text.Contains(needle, StringComparison.OrdinalIgnoreCase),
        byte[] bytes => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0,
        BinaryData data => data.ToMemory().Span.IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0,
        _ => false,
    };
}
