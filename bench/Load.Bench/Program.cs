using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Load.Bench;
using Conversations.Load.Bench.OpenLoop;
using Conversations.Load.Bench.References;
using Conversations.Load.Bench.Report;
using Conversations.Load.Bench.Scenarios;

// Started by bench/run-load.sh, which brings up Azurite, a silo and a web node and passes their addresses.
// "--render FOLDER/load.json" only writes load.md and load.png again from an earlier run's figures.
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
if (args is ["--render", var earlier])
{
    var folder = Path.GetDirectoryName(Path.GetFullPath(earlier))!;
    WriteReports(JsonSerializer.Deserialize<LoadResults>(await File.ReadAllTextAsync(earlier), json)!, folder);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var plan = BenchPlan.For(options.Quick);
var date = DateTimeOffset.UtcNow;
var usage = new UsageRecorder(options.Processes);

// Many connections open at once; without enough threads at the start their handshakes time out.
ThreadPool.SetMinThreads(64, 64);

if (options.Steady is { } steady)
{
    await SteadyLoadRun.RunAsync(options, plan, steady);
    return 0;
}

if (options.Overload is { } knownKnee)
{
    await using var overloaded = await LoadCluster.SignInAsync(options);
    await overloaded.GrowVisitorsAsync(plan.ChatCounts.Max());
    var beforeOverload = new SustainedMessagesScenario(overloaded, plan);
    if (knownKnee == 0)
    {
        (_, knownKnee) = await beforeOverload.RunAsync();
        BenchLog.Write($"S2 knee: {knownKnee:0} msg/s");
        if (knownKnee == 0)
        {
            return 1;
        }

        await usage.SettleAsync(TimeSpan.FromMinutes(1));
    }
    else
    {
        // Warm, as in the full run (which reaches S2b after S2): the p99 before the overload is the rate's own, not JIT's.
        await beforeOverload.RunStepAsync(knownKnee / 2, plan.OverloadDuration);
    }

    await new OverloadScenario(overloaded, plan).RunAsync(knownKnee);
    return 0;
}

usage.Start("R1 WebSocket echo");
await using var server = await ReferenceServer.StartAsync();
var (socketEcho, socketCapacity) = await WebSocketEchoBenchmark.RunAsync(server, plan);
usage.Start("R2 SignalR echo and broadcast");
var (hubEcho, hubCapacity) = await SignalREchoBenchmark.EchoAsync(server, plan);
var broadcast = await SignalREchoBenchmark.BroadcastAsync(server, plan);
usage.Start("R3 Orleans ping");
var (ping, pingCapacity) = await OrleansPingBenchmark.RunAsync(options, plan);
usage.Start(Targets.InsertPart);
var inserts = await TableInsertBenchmark.RunAsync(options, plan);
var references = new ReferenceResults(socketEcho, socketCapacity, hubEcho, hubCapacity, broadcast, ping, pingCapacity, inserts);

await using var cluster = await LoadCluster.SignInAsync(options);
usage.Start("S1 end-to-end latency");
var endToEnd = await new EndToEndLatencyScenario(cluster, plan).RunAsync();
// S1 at its largest may leave work behind (a backlog, inbox checkpoints, storage flushes): let it settle before S2 and S4.
await usage.SettleAsync(TimeSpan.FromMinutes(2));
usage.Start("S2 sustained persisted messages");
var sustained = new SustainedMessagesScenario(cluster, plan);
var (steps, knee) = await sustained.RunAsync();
await usage.SettleAsync(TimeSpan.FromMinutes(1));
LatencySummary? atKnee = null;
if (knee > 0)
{
    usage.Start(Targets.AtKneePart);
    atKnee = await sustained.RunStepAsync(knee, plan.SustainedStep * 2);
    await usage.SettleAsync(TimeSpan.FromMinutes(1));
}

usage.Start("S4 fan-out");
var fanOut = await new FanOutScenario(cluster, plan).RunAsync();
OverloadResult? overload = null;
if (knee > 0)
{
    await usage.SettleAsync(TimeSpan.FromMinutes(1));
    usage.Start("S2b overload");
    overload = await new OverloadScenario(cluster, plan).RunAsync(knee);
}

usage.Finish();

var system = new SystemResults(endToEnd, steps, knee, fanOut, atKnee, overload);
var results = new LoadResults(date, options.Command, options.Quick, MachineInfo.Current(), usage.Parts, plan, references, system,
    Targets.Judge(references, system, plan, usage.Parts));

Directory.CreateDirectory(options.ResultsFolder);
await File.WriteAllTextAsync(Path.Combine(options.ResultsFolder, "load.json"), JsonSerializer.Serialize(results, json));
WriteReports(results, options.ResultsFolder);
foreach (var target in results.Targets)
{
    BenchLog.Write($"{target.Id} {target.Target}: {target.Measured} {target.Unit} (required {target.Required}) → {(target.Met ? "met" : "NOT met")}");
}

BenchLog.Write($"Results in {Path.GetFullPath(options.ResultsFolder)}: load.json, load.md, load.png");
return 0;

static void WriteReports(LoadResults results, string folder)
{
    ChartWriter.Save(results, Path.Combine(folder, "load.png"));
    File.WriteAllText(Path.Combine(folder, "load.md"), MarkdownReport.Write(results, "load.png"));
}
