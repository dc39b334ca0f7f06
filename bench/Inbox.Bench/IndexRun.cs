using System.Diagnostics;
using System.Globalization;
using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Inbox.Bench;

/// <summary>
/// The index alone: one property's shards as InboxShards.Count InboxIndex instances (routed by InboxShards.Of, as the shard
/// grains hold them), seeded through InboxIndex.Upsert (the call InboxShardGrain.UpsertAsync makes); Orleans and the
/// checkpoints are bypassed. A query takes the steps InboxGrain takes over the shard grains (InboxPages.Query).
/// </summary>
public static class IndexRun
{
    public static SizeResult Run(int size)
    {
        var rows = new BenchRows(seed: 7);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var shards = Enumerable.Range(0, InboxShards.Count).Select(_ => new InboxIndex("bench")).ToArray();
        var seeding = Stopwatch.StartNew();
        for (var i = 0; i < size; i++)
        {
            var row = rows.Next();
            shards[InboxShards.Of(row.Id)].Upsert(row);
        }

        seeding.Stop();
        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        var combos = BenchCombos.Of(rows);
        var totals = combos.Select(c => InboxPages.Query(c.Query, shards, InboxShards.Of).Total).ToArray();
        // Warm-up (tiered JIT), then one caller alone: the CPU cost of one query, step by step.
        for (var q = 0; q < 2000; q++)
        {
            InboxPages.Query(combos[q % combos.Length].Query, shards, InboxShards.Of);
        }

        var steps = combos.Select(c => Steps(c.Query, shards)).ToArray();
        for (var c = 0; c < combos.Length; c++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index {size,9} {combos[c].Name,-36} alone {steps[c].Total:F4} ms = keys {steps[c].Keys:F4} + merge {steps[c].Merge:F4} + rows {steps[c].Rows:F4}"));
        }

        // Shards are only read while measuring, so they need no lock here; a grain would run one query per shard at a time.
        var latencies = Callers.Run(combos.Length, c =>
        {
            InboxPages.Query(combos[c].Query, shards, InboxShards.Of);
            return Task.CompletedTask;
        });
        GC.KeepAlive(shards);
        return Callers.Summarise(size, seeding.Elapsed, (double)bytes / size, [.. steps.Select(s => s.Total)], combos, totals, latencies);
    }

    /// <summary>One caller alone, each step timed on its own (mean of 200 queries).</summary>
    private static QuerySteps Steps(InboxQuery query, InboxIndex[] shards)
    {
        const int Repeats = 200;
        double keys = 0, merge = 0, rows = 0;
        for (var r = 0; r < Repeats; r++)
        {
            var started = Stopwatch.GetTimestamp();
            var shardPages = shards.Select(s => s.QueryKeys(query)).ToList();
            var keyed = Stopwatch.GetTimestamp();
            var merged = InboxPages.Merge(query, shardPages);
            var mergedAt = Stopwatch.GetTimestamp();
            InboxPages.Assemble(merged, merged.Keys.GroupBy(k => InboxShards.Of(k.Id)).SelectMany(g => shards[g.Key].Rows(g.Select(k => k.Id))));
            var done = Stopwatch.GetTimestamp();
            keys += Stopwatch.GetElapsedTime(started, keyed).TotalMilliseconds;
            merge += Stopwatch.GetElapsedTime(keyed, mergedAt).TotalMilliseconds;
            rows += Stopwatch.GetElapsedTime(mergedAt, done).TotalMilliseconds;
        }

        return new QuerySteps(keys / Repeats, merge / Repeats, rows / Repeats);
    }
}
