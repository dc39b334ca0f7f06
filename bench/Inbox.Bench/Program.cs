using System.Diagnostics;
using System.Globalization;
using System.Text;
using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Inbox.Bench;

// Seeds one property's inbox shards (InboxShards.Count InboxIndex instances, routed by InboxShards.Of, exactly
// as the shard grains hold them) through InboxIndex.Upsert, the call InboxShardGrain makes; Orleans and the
// checkpoint table are bypassed. Then 50 concurrent callers ask for first pages; each query asks every shard
// for its best keys, merges them and reads the rows of the merged page (InboxPages.Query, the steps InboxGrain takes).
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100_000, 1_000_000];
const int Callers = 50;
const int QueriesPerCaller = 120;
const double TargetP99Ms = 20;

var results = new List<SizeResult>();
foreach (var size in sizes)
{
    results.Add(Run(size));
}

var inv = CultureInfo.InvariantCulture;
var report = new StringBuilder()
    .AppendLine("# Inbox read model benchmark (INB-4)")
    .AppendLine()
    .AppendLine(inv, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}, shared with other builds.")
    .AppendLine(inv, $"Reproduce: `dotnet run -c Release --project bench/Inbox.Bench -- {string.Join(' ', sizes)}`")
    .AppendLine()
    .AppendLine(inv, $"Seeding goes **straight into the {InboxShards.Count} `InboxIndex` shards** through `InboxIndex.Upsert` (what `InboxShardGrain.UpsertAsync` calls);")
    .AppendLine("the grains, Orleans messaging and the checkpoint table are **bypassed**. Each query is the first page (50 rows, with the total):")
    .AppendLine("every shard gives the keys of its best 51 matches and its count, the keys are merged, and only the 50 kept rows are read from their shards")
    .AppendLine("(`InboxPages.Query`, the steps `InboxGrain` takes over the shard grains); callers are thread-pool tasks and a latency counts from the moment")
    .AppendLine("the query is issued, so it includes waiting behind the other callers for a core.")
    .AppendLine(inv, $"{Callers} concurrent callers, {QueriesPerCaller} queries each, cycling through the filter combinations below. Memory is the managed heap growth")
    .AppendLine("after a full GC, divided by the number of conversations (columns, strings, bitmaps, list order and id map).")
    .AppendLine()
    .AppendLine("| conversations | seeding | bytes per conversation | one query alone (mean) | p50 | p99 | max | load average (1/5/15 min) |")
    .AppendLine("|---|---|---|---|---|---|---|---|");
foreach (var r in results)
{
    report.AppendLine(inv, $"| {r.Size:N0} | {r.Seeding.TotalSeconds:F1} s | {r.BytesPerRow:F0} | {r.AloneMs:F3} ms | {r.P50:F2} ms | {r.P99:F2} ms | {r.Max:F2} ms | {r.Load} |");
}

report.AppendLine().Append("| filter combination |");
foreach (var r in results)
{
    report.Append(inv, $" p50 {r.Size:N0} | p99 {r.Size:N0} | total {r.Size:N0} |");
}

report.AppendLine().Append("|---|").AppendLine(string.Concat(results.SelectMany(_ => new[] { "---|", "---|", "---|" })));
for (var c = 0; c < results[0].Combos.Count; c++)
{
    report.Append(inv, $"| {results[0].Combos[c].Name} |");
    foreach (var r in results)
    {
        report.Append(inv, $" {r.Combos[c].P50:F2} ms | {r.Combos[c].P99:F2} ms | {r.Combos[c].Total:N0} |");
    }

    report.AppendLine();
}

report.AppendLine();
var largest = results[^1];
report.AppendLine(inv, $"p99 at {largest.Size:N0}: **{largest.P99:F2} ms** (target ≤ {TargetP99Ms} ms: **{(largest.P99 <= TargetP99Ms ? "met" : "NOT met")}**).");
if (results.Count > 1)
{
    var ratio = largest.P99 / results[0].P99;
    report.AppendLine(inv, $"p99({largest.Size:N0}) / p99({results[0].Size:N0}) = **{ratio:F2}** (target ≤ 1.5: **{(ratio <= 1.5 ? "met" : "NOT met")}**).");
}

report.AppendLine(inv, $"Bytes per indexed conversation at {largest.Size:N0}: **{largest.BytesPerRow:F0}** (target ≤ 400: **{(largest.BytesPerRow <= 400 ? "met" : "NOT met")}**).");
Console.WriteLine(report);
var path = Path.Combine(Root(), "bench", "results", "inbox.md");
File.WriteAllText(path, report.ToString());
Console.WriteLine($"Written to {path}");
return 0;

static SizeResult Run(int size)
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
    var end = BenchRows.End;
    (string Name, InboxQuery Query)[] combos =
    [
        ("All, newest first", new InboxQuery()),
        ("Chats, open", new InboxQuery(InboxView.Chats, Statuses: [InboxStatus.Open])),
        ("Tickets, open+pending, by priority", new InboxQuery(InboxView.Tickets, Statuses: [InboxStatus.Open, InboxStatus.Pending], Sort: InboxSort.Priority)),
        ("Assigned to one agent", new InboxQuery(Assignee: rows.Agents[3])),
        ("Tags: any of two", new InboxQuery(Tags: [rows.Tags[5], rows.Tags[30]])),
        ("At least 7 messages", new InboxQuery(MinMessages: 7)),
        ("Updated in the last 7 days", new InboxQuery(UpdatedFrom: end.AddDays(-7), UpdatedTo: end)),
        ("Agent + open + tag + ≥2 messages", new InboxQuery(InboxView.Tickets, rows.Agents[10], 2, [InboxStatus.Open], [rows.Tags[1]])),
        ("Trash, by priority", new InboxQuery(InboxView.Trash, Sort: InboxSort.Priority)),
        ("Spam, updated in March", new InboxQuery(InboxView.Spam, UpdatedFrom: new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), UpdatedTo: new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero))),
    ];

    var totals = combos.Select(c => InboxPages.Query(c.Query, shards, InboxShards.Of).Total).ToArray();
    // Warm-up (tiered JIT), then one caller alone: the CPU cost of one query.
    for (var q = 0; q < 2000; q++)
    {
        var query = combos[q % combos.Length].Query;
        InboxPages.Query(query, shards, InboxShards.Of);
    }

    var steps = combos.Select(c => Steps(c.Query, shards)).ToArray();
    var alone = steps.Select(s => s.Total).ToArray();
    for (var c = 0; c < combos.Length; c++)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size,9} {combos[c].Name,-36} alone {steps[c].Total:F4} ms = keys {steps[c].Keys:F4} + merge {steps[c].Merge:F4} + rows {steps[c].Rows:F4}"));
    }

    var aloneMean = alone.Average();
    var latencies = combos.Select(_ => new List<double>()).ToArray();
    // Callers are tasks on the thread pool, as grain calls are: a query's latency runs from when it is issued
    // (so it includes waiting for a thread behind the other callers) to when its merged page is ready.
    // Shards are only read while measuring, so they need no lock here; a grain would run one query per shard at a time.
    var callers = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
    {
        var mine = combos.Select(_ => new List<double>()).ToArray();
        for (var q = 0; q < QueriesPerCaller; q++)
        {
            var c = (caller + q) % combos.Length;
            var issued = Stopwatch.GetTimestamp();
            await Task.Yield();
            InboxPages.Query(combos[c].Query, shards, InboxShards.Of);
            mine[c].Add(Stopwatch.GetElapsedTime(issued).TotalMilliseconds);
        }

        lock (latencies)
        {
            for (var c = 0; c < combos.Length; c++)
            {
                latencies[c].AddRange(mine[c]);
            }
        }
    })).ToArray();
    Task.WaitAll(callers);

    var all = latencies.SelectMany(l => l).Order().ToArray();
    var perCombo = combos.Select((c, i) =>
    {
        var sorted = latencies[i].Order().ToArray();
        return new ComboResult(c.Name, At(sorted, 50), At(sorted, 99), totals[i]);
    }).ToList();
    GC.KeepAlive(shards);
    return new SizeResult(size, seeding.Elapsed, (double)bytes / size, aloneMean, At(all, 50), At(all, 99), all[^1], Load(), perCombo);
}

// One caller alone, each step of a query timed on its own (mean of 200): the keys of every shard, their merge, and reading the page's rows.
static QuerySteps Steps(InboxQuery query, InboxIndex[] shards)
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

static double At(double[] sorted, double percent) => sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg")[..14].Trim() : "n/a";

static string Root()
{
    var dir = AppContext.BaseDirectory;
    while (dir is not null && !File.Exists(Path.Combine(dir, "Conversations.sln")))
    {
        dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar));
    }

    return dir ?? Directory.GetCurrentDirectory();
}

internal sealed record QuerySteps(double Keys, double Merge, double Rows)
{
    public double Total => Keys + Merge + Rows;
}

internal sealed record ComboResult(string Name, double P50, double P99, long Total);

internal sealed record SizeResult(int Size, TimeSpan Seeding, double BytesPerRow, double AloneMs, double P50, double P99, double Max, string Load, List<ComboResult> Combos);
