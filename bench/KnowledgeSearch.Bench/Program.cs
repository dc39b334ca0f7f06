using System.Diagnostics;
using System.Globalization;
using System.Text;
using Conversations.Grains.Interfaces.KnowledgeBase;
using Conversations.Grains.KnowledgeBase;
using Conversations.KnowledgeSearch.Bench;

// Seeds the same ArticleSearchIndex the IKnowledgeSearchGrain holds, directly (no grains, no storage),
// then times single searches the way the search grain runs them: one at a time.
const int ArticleCount = 10_000;
const int WarmupQueries = 500;
const int MeasuredQueries = 5_000;
const double TargetP99Ms = 20;

var generator = new ArticleGenerator(seed: 42);
using var index = new ArticleSearchIndex();
var titles = new List<string>();
var indexing = Stopwatch.StartNew();
for (var i = 0; i < ArticleCount; i++)
{
    var article = generator.Next();
    index.Upsert(article);
    if (i % 10 == 0)
    {
        titles.Add(article.Title);
    }
}

index.Search(new ArticleSearchQuery("warm"));
indexing.Stop();

var queries = Enumerable.Range(0, WarmupQueries + MeasuredQueries).Select(i => (i % 6) switch
{
    0 => new ArticleSearchQuery(generator.Word()),
    1 => new ArticleSearchQuery(generator.Words(2)),
    2 => new ArticleSearchQuery(titles[generator.Next(titles.Count)]),
    3 => new ArticleSearchQuery(generator.Word() + " " + generator.Word()[..3]),
    4 => new ArticleSearchQuery(generator.Word(), generator.KnowledgeBases[generator.Next(10)]),
    _ => new ArticleSearchQuery(generator.Words(2), generator.KnowledgeBases[generator.Next(10)],
        generator.Categories[generator.Next(40)], IncludeDrafts: true),
}).ToList();

string[] kinds = ["one word", "two words", "exact title", "word + prefix", "word, one knowledge base", "two words, base + category + drafts"];
var latencies = new double[MeasuredQueries];
var byKind = kinds.Select(_ => new List<double>()).ToArray();
var hits = 0L;
for (var i = 0; i < queries.Count; i++)
{
    var start = Stopwatch.GetTimestamp();
    var found = index.Search(queries[i]);
    var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    if (i >= WarmupQueries)
    {
        latencies[i - WarmupQueries] = elapsed;
        byKind[i % 6].Add(elapsed);
        hits += found.Count;
    }
}

Array.Sort(latencies);
double Percentile(double p) => PercentileOf(latencies, p);
var p99 = Percentile(99);
var inv = CultureInfo.InvariantCulture;
var report = new StringBuilder()
    .AppendLine("# Knowledge search benchmark (KB-2)")
    .AppendLine()
    .AppendLine(inv, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {RuntimeMode()}, {LoadAverage()}.")
    .AppendLine()
    .AppendLine(inv, $"Seeding: {ArticleCount:N0} generated articles (2-6 word titles, 60-445 word bodies, 10 knowledge bases, 40 categories, 10% drafts),")
    .AppendLine("written **directly into `ArticleSearchIndex`** (the class `KnowledgeSearchGrain` holds), bypassing the grains and storage;")
    .AppendLine(inv, $"indexing took {indexing.Elapsed.TotalSeconds:F1} s. Queries run one at a time, as inside the grain (which is not reentrant).")
    .AppendLine()
    .AppendLine(inv, $"Queries: {MeasuredQueries:N0} measured after {WarmupQueries} warm-up; a mix of one word, two words, exact titles, a word plus a 3-letter prefix,")
    .AppendLine("one word filtered by knowledge base, and two words filtered by knowledge base and category including drafts. Each search")
    .AppendLine(inv, $"includes building the highlighted snippets of up to 10 hits ({(double)hits / MeasuredQueries:F1} hits per query on average).")
    .AppendLine()
    .AppendLine("| p50 | p90 | p99 | max | target p99 |")
    .AppendLine("|---|---|---|---|---|")
    .AppendLine(inv, $"| {Percentile(50):F2} ms | {Percentile(90):F2} ms | {p99:F2} ms | {latencies[^1]:F2} ms | ≤ {TargetP99Ms} ms: {(p99 <= TargetP99Ms ? "met" : "NOT met")} |")
    .AppendLine()
    .AppendLine("| query kind | p50 | p99 |")
    .AppendLine("|---|---|---|")
    .AppendJoin("", kinds.Select((kind, k) =>
    {
        var sorted = byKind[k].Order().ToArray();
        return string.Create(inv, $"| {kind} | {PercentileOf(sorted, 50):F2} ms | {PercentileOf(sorted, 99):F2} ms |\n");
    }))
    .ToString();

Console.WriteLine(report);
var results = Path.Combine(RepositoryRoot(), "bench", "results", "knowledge-search.md");
Directory.CreateDirectory(Path.GetDirectoryName(results)!);
File.WriteAllText(results, report);
Console.WriteLine($"Written to {results}");
return p99 <= TargetP99Ms ? 0 : 1;

static double PercentileOf(double[] sorted, double p) =>
    sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];

static string RuntimeMode() =>
#if DEBUG
    "Debug build";
#else
    "Release build";
#endif

// The machine is shared with other builds; the load says how much to trust the tail.
static string LoadAverage() => File.Exists("/proc/loadavg")
    ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1/5/15 min)"
    : "load average unknown";

static string RepositoryRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Conversations.sln")))
        {
            return folder.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
