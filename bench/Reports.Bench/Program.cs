using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Reports;
using Conversations.Grains.Reports;
using Conversations.Reports.Bench;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;

// RPT-1 benchmark: aggregates N made-up conversations (default 1,000,000 over 365 days, 20 agents, 5 departments) into per-day
// parts with the product's ReportContribution, loads them into report day grains of an in-process silo (memory storage) with
// IReportDayGrain.ApplyAsync, and times IReportsGrain.GetAsync — the call the REST API makes — for periods of 1 to 366 days,
// for everyone, one agent, one department and with the breakdown, alone and with 8 concurrent callers.
// Arguments: [conversations] [--queries N] [--out file.md]
var inv = CultureInfo.InvariantCulture;
var conversations = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], inv) : 1_000_000;
var queries = int.Parse(Option("--queries") ?? "300", inv);
var output = Option("--out");
const int Days = 365;
const int Agents = 20;
const int Departments = 5;
const string Property = "bench";
const double TargetP99Ms = 100;
var firstDay = new DateOnly(2025, 1, 1);

var cards = new SyntheticCards(seed: 7, firstDay, Days, Agents, Departments);
var parts = new Dictionary<DateOnly, ReportDayPart>();
var aggregating = Stopwatch.StartNew();
for (var i = 0; i < conversations; i++)
{
    foreach (var (day, part) in ReportContribution.Of(cards.Next()))
    {
        if (!parts.TryGetValue(day, out var total))
        {
            parts[day] = total = new ReportDayPart();
        }

        total.Merge(part);
    }
}

aggregating.Stop();
Console.WriteLine($"{conversations:N0} conversations aggregated into {parts.Count} days in {aggregating.Elapsed.TotalSeconds:F1} s");

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: "reports-bench", clusterId: $"reports-bench-{Guid.NewGuid():N}");
    silo.AddMemoryGrainStorage(ConversationsNames.GrainStorage);
    silo.Services.AddSingleton(TimeProvider.System);
    silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(2));
});
using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();
var serializer = host.Services.GetRequiredService<Serializer>();

var loading = Stopwatch.StartNew();
await Task.WhenAll(parts.Select(p => grains.GetGrain<IReportDayGrain>(ReportDayKeys.Of(Property, p.Key)).ApplyAsync("bench-load", p.Value)));
loading.Stop();
var dayBytes = parts.Values.Select(p => serializer.SerializeToArray(p).Length).ToList();
Console.WriteLine($"loaded in {loading.Elapsed.TotalSeconds:F1} s; day state {dayBytes.Average() / 1024:F1} KiB on average, {dayBytes.Max() / 1024:F1} KiB at most");

var lastDay = firstDay.AddDays(Days - 1);
var scenarios = new List<(string Name, ReportQuery Query)>();
foreach (var length in new[] { 1, 7, 30, 90, 366 })
{
    var from = lastDay.AddDays(1 - length);
    scenarios.Add(($"{length} d, everyone", new ReportQuery(Property, from, lastDay)));
    scenarios.Add(($"{length} d, one agent", new ReportQuery(Property, from, lastDay, AgentId: "agent-3")));
    scenarios.Add(($"{length} d, one department", new ReportQuery(Property, from, lastDay, DepartmentId: "department-1")));
    scenarios.Add(($"{length} d, with breakdown", new ReportQuery(Property, from, lastDay, WithBreakdown: true)));
}

var reports = grains.GetGrain<IReportsGrain>(0);
var check = await reports.GetAsync(new ReportQuery(Property, firstDay, lastDay));
var counted = check.Totals.Chats + check.Totals.Tickets;
Console.WriteLine($"a year's report counts {counted:N0} of {conversations:N0} conversations");
if (counted != conversations)
{
    throw new InvalidOperationException("The report does not count every conversation.");
}

var process = Process.GetCurrentProcess();
var results = new List<(string Name, double P50, double P99, double Max, double CpuMs)>();
foreach (var (name, query) in scenarios)
{
    for (var w = 0; w < 5; w++)
    {
        await reports.GetAsync(query);
    }

    var times = new List<double>(queries);
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    for (var q = 0; q < queries; q++)
    {
        var watch = Stopwatch.StartNew();
        await reports.GetAsync(query);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    process.Refresh();
    var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / queries;
    results.Add((name, Percentile(times, 0.5), Percentile(times, 0.99), times.Max(), cpuMs));
    Console.WriteLine($"{name,-28} p50 {results[^1].P50,7:F2} ms  p99 {results[^1].P99,7:F2} ms  CPU {cpuMs,6:F2} ms");
}

const int Callers = 8;
var mixed = Stopwatch.StartNew();
var concurrent = await CallersAsync();
mixed.Stop();
var concurrentP50 = Percentile(concurrent, 0.5);
var concurrentP99 = Percentile(concurrent, 0.99);
Console.WriteLine($"{Callers} callers, mixed: p50 {concurrentP50:F2} ms p99 {concurrentP99:F2} ms, {concurrent.Count / mixed.Elapsed.TotalSeconds:F0} reports/s");

// The same while the last day keeps changing (a change every 20 ms, as the follower applies them): the month of the last day
// is read again after each change, so this is what reports cost on a live property.
var writing = new CancellationTokenSource();
var writes = 0;
var writer = Task.Run(async () =>
{
    var lastDayGrain = grains.GetGrain<IReportDayGrain>(ReportDayKeys.Of(Property, lastDay));
    while (!writing.IsCancellationRequested)
    {
        var change = ReportContribution.Of(cards.Next() with { CreatedAt = new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), ResolvedAt = null, RatedAt = null });
        await lastDayGrain.ApplyAsync($"live-{writes++}", change.Single().Value);
        await Task.Delay(20);
    }
});
var live = await CallersAsync();
writing.Cancel();
await writer;
var liveP50 = Percentile(live, 0.5);
var liveP99 = Percentile(live, 0.99);
Console.WriteLine($"{Callers} callers, mixed, with {writes} changes to the last day: p50 {liveP50:F2} ms p99 {liveP99:F2} ms");
await host.StopAsync();

var worst = results.Max(r => r.P99);
var md = new StringBuilder();
md.AppendLine("# Reports benchmark (RPT-1)");
md.AppendLine();
md.AppendLine(inv, $"Command: `bash bench/run-reports.sh {conversations}` ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores; other work may have shared the machine).");
md.AppendLine();
md.AppendLine(inv, $"{conversations:N0} made-up conversations over {Days} UTC days, {Agents} agents, {Departments} departments, aggregated with the product's");
md.AppendLine("`ReportContribution` into per-day parts and loaded into `ReportDayGrain`s of an in-process silo (memory grain storage);");
md.AppendLine(inv, $"each query is `IReportsGrain.GetAsync` (what `GET /reports` calls; the web node's hop is left out), {queries} times after 5 warm-ups.");
md.AppendLine("A report adds up one `ReportMonthGrain` sum per month (a month keeps its days' snapshots and their sum in memory until a day");
md.AppendLine("changes); the reports grain is a reentrant stateless worker, so concurrent reports do not queue behind each other.");
md.AppendLine();
md.AppendLine(inv, $"- Aggregation: {conversations / aggregating.Elapsed.TotalSeconds:N0} conversations/s on one thread; {parts.Count} days.");
md.AppendLine(inv, $"- Day state: {dayBytes.Average() / 1024:F1} KiB on average, {dayBytes.Max() / 1024:F1} KiB at most (slices: everyone, each agent, each department; histograms sparse). It does not grow with conversations, only with agents and departments.");
md.AppendLine(inv, $"- Percentiles come from log histograms with 8 buckets per doubling: at most {DurationHistogram.MaxRelativeError:P1} from the exact value.");
md.AppendLine();
md.AppendLine(inv, $"Load average while it ran: {LoadAverage()} (on {Environment.ProcessorCount} cores). The CPU column (process CPU time per query, all threads) does not depend on what else the machine runs.");
md.AppendLine();
md.AppendLine("| query | p50 ms | p99 ms | max ms | CPU ms/query |");
md.AppendLine("|---|---:|---:|---:|---:|");
foreach (var r in results)
{
    md.AppendLine(inv, $"| {r.Name} | {r.P50:F2} | {r.P99:F2} | {r.Max:F2} | {r.CpuMs:F2} |");
}

md.AppendLine(inv, $"| {Callers} concurrent callers, all queries mixed | {concurrentP50:F2} | {concurrentP99:F2} | {concurrent.Max():F2} | |");
md.AppendLine(inv, $"| {Callers} concurrent callers, mixed, the last day changing every 20 ms ({writes} changes) | {liveP50:F2} | {liveP99:F2} | {live.Max():F2} | |");
md.AppendLine();
var worstConcurrent = Math.Max(concurrentP99, liveP99);
md.AppendLine(inv, $"Target p99 ≤ {TargetP99Ms} ms — one caller: worst p99 {worst:F2} ms, **{(worst <= TargetP99Ms ? "met" : "not met")}**; {Callers} concurrent callers: p99 {concurrentP99:F2} ms, with changes {liveP99:F2} ms, **{(worstConcurrent <= TargetP99Ms ? "met" : "not met")}**.");
md.AppendLine();
md.AppendLine("Left out: the first query of a month after its grain was deactivated reads its days again (one small storage read per day, in parallel).");
Console.WriteLine(md.ToString());
if (output is not null)
{
    await File.WriteAllTextAsync(output, md.ToString());
}

return 0;

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static double Percentile(List<double> values, double q)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

// Each of the callers asks for half the queries, in the mixed order shifted by its number; the times of all of them.
async Task<List<double>> CallersAsync()
{
    var times = new List<double>();
    await Task.WhenAll(Enumerable.Range(0, Callers).Select(async c =>
    {
        var mine = new List<double>();
        for (var q = 0; q < queries / 2; q++)
        {
            var watch = Stopwatch.StartNew();
            await reports.GetAsync(scenarios[(q + c) % scenarios.Count].Query);
            mine.Add(watch.Elapsed.TotalMilliseconds);
        }

        lock (times)
        {
            times.AddRange(mine);
        }
    }));
    return times;
}
