using System.Globalization;
using System.Text;
using Conversations.Inbox.Bench;

// Seeds one property's inbox at each size and measures first pages of the filter combinations (BenchCombos) with
// Callers.Count concurrent callers, in two modes: through an in-process Orleans silo (SiloRun, the path the console's
// queries take) and against the shards' indexes directly (IndexRun, what the index itself costs).
// Arguments: the sizes, then optionally --mode silo|index (both when left out) and --rounds N (3 when left out).
if (args.Length == 3 && args[0] == ChildRun.Flag)
{
    return await ChildRun.MainAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
}

var only = Option("--mode");
var rounds = int.Parse(Option("--rounds") ?? "3", CultureInfo.InvariantCulture);
var sizes = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal)))
    .Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
sizes = sizes.Length > 0 ? sizes : [100_000, 1_000_000];
const double TargetP99Ms = 20;
const double TargetRatio = 1.5;
const double TargetBytes = 400;

// Other work on a shared machine moves a p99 from run to run: every mode and size runs once per round, interleaved so
// a disturbance falls on all of them alike, and the run with the median p99 stands for each (all runs are listed too).
var modeNames = new[] { "silo", "index" }.Where(m => only is null || only == m).ToArray();
var runs = modeNames.ToDictionary(m => m, _ => sizes.Select(_ => new List<SizeResult>()).ToArray());
for (var round = 0; round < rounds; round++)
{
    foreach (var mode in modeNames)
    {
        for (var s = 0; s < sizes.Length; s++)
        {
            runs[mode][s].Add(await ChildRun.RunAsync(mode, sizes[s]));
        }
    }
}

var modes = modeNames.Select(m => (Name: m == "silo" ? "silo" : "index only", Results: runs[m].Select(r => r.OrderBy(x => x.P99).ElementAt(r.Count / 2)).ToList(), All: runs[m])).ToList();

var inv = CultureInfo.InvariantCulture;
var report = new StringBuilder()
    .AppendLine("# Inbox read model benchmark (INB-4)")
    .AppendLine()
    .AppendLine(inv, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}, shared with other work (load averages below).")
    .AppendLine(inv, $"Reproduce: `dotnet run -c Release --project bench/Inbox.Bench -- {string.Join(' ', sizes)}{(only is null ? "" : $" --mode {only}")}{(rounds == 3 ? "" : $" --rounds {rounds}")}`")
    .AppendLine()
    .AppendLine("Two modes, the same rows (`BenchRows`, seed 7) and the same filter combinations:")
    .AppendLine()
    .AppendLine(inv, $"- **silo — the user-facing query path.** An Orleans silo in the benchmark's process (`UseLocalhostClustering`) hosts the product's grains.")
    .AppendLine(inv, $"  Rows are seeded through `IInboxShardGrain.UpsertAsync`, the call conversation grains make, {SiloRun.SeedingWindow:N0} in flight at a time; the shards")
    .AppendLine("  write their checkpoints as in the product, but to an **in-memory checkpoint store** (`MemoryInboxCheckpointStore`) instead of the Azure table,")
    .AppendLine("  which is emptied before memory is measured. Each query is `IInboxGrain.QueryAsync`: the inbox grain asks the 16 shard grains for keys, merges them,")
    .AppendLine("  and asks the kept rows' shards for the rows, as the REST API and the agent hub do; their web node, HTTP/SignalR and the client-to-silo hop are not included.")
    .AppendLine(inv, $"- **index only.** The 16 `InboxIndex` shards in plain memory, seeded through `InboxIndex.Upsert` (what `UpsertAsync` calls); grains, Orleans")
    .AppendLine("  messaging and checkpoints are **bypassed**; a query takes the same steps in one call (`InboxPages.Query`). This is the cost of the index itself.")
    .AppendLine()
    .AppendLine(inv, $"Each query is a first page (50 rows, with the total). {Callers.Count} concurrent callers, {Callers.QueriesEach} queries each, cycling through the combinations;")
    .AppendLine("a latency counts from the moment the query is issued, so it includes waiting behind the other callers for one of the two cores")
    .AppendLine("(with 50 callers on 2 cores a query waits behind ~25 others: the p99 is about 25 × the cost of one query alone).")
    .AppendLine("Each mode and size runs in a fresh process (`ChildRun`); silo runs use the server garbage collector, as the product's silo does,")
    .AppendLine("index-only runs the workstation one. Memory is the managed heap growth after a full GC, divided by the number of conversations.")
    .AppendLine(inv, $"Every mode and size ran {rounds} times, interleaved; the tables show the run with the median p99 of each, and the last table every run.")
    .AppendLine()
    .AppendLine("| mode | conversations | seeding | bytes per conversation | one query alone (mean) | p50 | p99 | max | load average (1/5/15 min) |")
    .AppendLine("|---|---|---|---|---|---|---|---|---|");
foreach (var (name, results, _) in modes)
{
    foreach (var r in results)
    {
        report.AppendLine(inv, $"| {name} | {r.Size:N0} | {r.Seeding.TotalSeconds:F1} s | {r.BytesPerRow:F0} | {r.AloneMs:F3} ms | {r.P50:F2} ms | {r.P99:F2} ms | {r.Max:F2} ms | {r.Load} |");
    }
}

report.AppendLine()
    .AppendLine("| mode | p99 at the largest size (≤ 20 ms) | p99 ratio largest / smallest (≤ 1.5) | one query alone, ratio | bytes per conversation at the largest size (≤ 400) |")
    .AppendLine("|---|---|---|---|---|");
foreach (var (name, results, _) in modes)
{
    var largest = results[^1];
    var ratio = largest.P99 / results[0].P99;
    report.AppendLine(inv, $"| {name} | {largest.P99:F2} ms: **{Verdict(largest.P99 <= TargetP99Ms)}** | {ratio:F2}: **{Verdict(ratio <= TargetRatio)}** | {largest.AloneMs / results[0].AloneMs:F2} | {largest.BytesPerRow:F0}: **{Verdict(largest.BytesPerRow <= TargetBytes)}** |");
}

foreach (var (name, results, _) in modes)
{
    report.AppendLine().AppendLine(inv, $"Per combination, {name} (alone: the mean cost of one query with no other caller):").AppendLine().Append("| filter combination |");
    foreach (var r in results)
    {
        report.Append(inv, $" alone {r.Size:N0} | p50 {r.Size:N0} | p99 {r.Size:N0} | total {r.Size:N0} |");
    }

    report.AppendLine().Append("|---|").AppendLine(string.Concat(results.SelectMany(_ => new[] { "---|", "---|", "---|", "---|" })));
    for (var c = 0; c < results[0].Combos.Count; c++)
    {
        report.Append(inv, $"| {results[0].Combos[c].Name} |");
        foreach (var r in results)
        {
            report.Append(inv, $" {r.Combos[c].AloneMs:F3} ms | {r.Combos[c].P50:F2} ms | {r.Combos[c].P99:F2} ms | {r.Combos[c].Total:N0} |");
        }

        report.AppendLine();
    }
}

report.AppendLine().AppendLine("Every run (p50 / p99 / one query alone / load average at its end):").AppendLine()
    .AppendLine("| mode | conversations | " + string.Join(" | ", Enumerable.Range(1, rounds).Select(r => $"run {r}")) + " |")
    .AppendLine("|---|---|" + string.Concat(Enumerable.Repeat("---|", rounds)));
foreach (var (name, _, all) in modes)
{
    for (var s = 0; s < sizes.Length; s++)
    {
        report.AppendLine(inv, $"| {name} | {sizes[s]:N0} | {string.Join(" | ", all[s].Select(r => string.Create(inv, $"{r.P50:F2} / {r.P99:F2} / {r.AloneMs:F3} ms / {r.Load}")))} |");
    }
}

Console.WriteLine(report);
var path = Path.Combine(Root(), "bench", "results", "inbox.md");
File.WriteAllText(path, report.ToString());
Console.WriteLine($"Written to {path}");
return 0;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string Verdict(bool met) => met ? "met" : "NOT met";

static string Root()
{
    var dir = AppContext.BaseDirectory;
    while (dir is not null && !File.Exists(Path.Combine(dir, "Conversations.sln")))
    {
        dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar));
    }

    return dir ?? Directory.GetCurrentDirectory();
}
