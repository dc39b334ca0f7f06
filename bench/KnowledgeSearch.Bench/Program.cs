using System.Diagnostics;
using System.Globalization;
using System.Text;
using Conversations.Grains.Interfaces.KnowledgeBase;
using Conversations.Grains.KnowledgeBase;
using Conversations.Infrastructure.KnowledgeBase;
using Conversations.KnowledgeSearch.Bench;

// Seeds the same LuceneArticleSearchIndex the IKnowledgeSearchGrain holds, directly (no grains, no storage),
// then times single searches the way the search grain runs them: one at a time. The machine is shared
// with other builds, so the measured queries run in several passes and each pass is reported with the load.
const int ArticleCount = 10_000;
const int WarmupQueries = 500;
const int MeasuredQueries = 5_000;
const int Passes = 3;
const double TargetP99Ms = 20;
string[] kinds = ["one word", "two words", "exact title", "word + prefix", "word, one knowledge base", "two words, base + category + drafts"];

var generator = new ArticleGenerator(seed: 42);
using var index = new LuceneArticleSearchIndex();
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

var queries = Enumerable.Range(0, MeasuredQueries).Select(i => (i % kinds.Length) switch
{
    0 => new ArticleSearchQuery(generator.Word()),
    1 => new ArticleSearchQuery(generator.Words(2)),
    2 => new ArticleSearchQuery(titles[generator.Next(titles.Count)]),
    3 => new ArticleSearchQuery(generator.Word() + " " + generator.Word()[..3]),
    4 => new ArticleSearchQuery(generator.Word(), generator.KnowledgeBases[generator.Next(10)]),
    _ => new ArticleSearchQuery(generator.Words(2), generator.KnowledgeBases[generator.Next(10)],
        generator.Categories[generator.Next(40)], IncludeDrafts: true),
}).ToList();

foreach (var query in queries.Take(WarmupQueries))
{
    index.Search(query);
}

var byKind = kinds.Select(_ => new List<double>()).ToArray();
var passes = new List<(double[] Sorted, string Load)>();
var hits = 0L;
for (var pass = 0; pass < Passes; pass++)
{
    var latencies = new double[queries.Count];
    for (var i = 0; i < queries.Count; i++)
    {
        var start = Stopwatch.GetTimestamp();
        hits += index.Search(queries[i]).Count;
        latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        byKind[i % kinds.Length].Add(latencies[i]);
    }

    Array.Sort(latencies);
    passes.Add((latencies, LoadAverage()));
}

var medianP99 = passes.Select(p => Percentile(p.Sorted, 99)).Order().ElementAt(Passes / 2);
var inv = CultureInfo.InvariantCulture;
var report = new StringBuilder()
    .AppendLine("# Knowledge search benchmark (KB-2)")
    .AppendLine()
    .AppendLine(inv, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {RuntimeMode()}.")
    .AppendLine()
    .AppendLine(inv, $"Seeding: {ArticleCount:N0} generated articles (2-6 word titles, 60-445 word bodies, 10 knowledge bases, 40 categories, 10% drafts),")
    .AppendLine("written **directly into `LuceneArticleSearchIndex`** (the index `KnowledgeSearchGrain` holds), bypassing the grains and storage;")
    .AppendLine(inv, $"indexing took {indexing.Elapsed.TotalSeconds:F1} s. Queries run one at a time, as inside the grain (which is not reentrant).")
    .AppendLine()
    .AppendLine(inv, $"Queries: {MeasuredQueries:N0} per pass, {Passes} passes after {WarmupQueries} warm-up; a mix of one word, two words, exact titles,")
    .AppendLine("a word plus a 3-letter prefix, one word filtered by knowledge base, and two words filtered by knowledge base and category")
    .AppendLine(inv, $"including drafts. Each search includes the highlighted snippets of up to 10 hits ({(double)hits / (MeasuredQueries * Passes):F1} hits per query on average).")
    .AppendLine("The machine is shared with other builds: the load average (1/5/15 min, 2 cores) says how much to trust each tail.")
    .AppendLine()
    .AppendLine("| pass | p50 | p90 | p99 | max | load average |")
    .AppendLine("|---|---|---|---|---|---|")
    .AppendJoin("", passes.Select((p, n) => string.Create(inv,
        $"| {n + 1} | {Percentile(p.Sorted, 50):F2} ms | {Percentile(p.Sorted, 90):F2} ms | {Percentile(p.Sorted, 99):F2} ms | {p.Sorted[^1]:F2} ms | {p.Load} |\n")))
    .AppendLine()
    .AppendLine(inv, $"Median p99 of the passes: **{medianP99:F2} ms**, target ≤ {TargetP99Ms} ms: **{(medianP99 <= TargetP99Ms ? "met" : "NOT met")}**.")
    .AppendLine()
    .AppendLine("| query kind (all passes) | p50 | p99 |")
    .AppendLine("|---|---|---|")
    .AppendJoin("", kinds.Select((kind, k) =>
    {
        var sorted = byKind[k].Order().ToArray();
        return string.Create(inv, $"| {kind} | {Percentile(sorted, 50):F2} ms | {Percentile(sorted, 99):F2} ms |\n");
    }))
    .ToString();

Console.WriteLine(report);
var results = Path.Combine(RepositoryRoot(), "bench", "results", "knowledge-search.md");
Directory.CreateDirectory(Path.GetDirectoryName(results)!);
File.WriteAllText(results, report);
Console.WriteLine($"Written to {results}");
return medianP99 <= TargetP99Ms ? 0 : 1;

static double Percentile(double[] sorted, double p) =>
    sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];

static string LoadAverage() => File.Exists("/proc/loadavg")
    ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
    : "unknown";

static string RuntimeMode() =>
#if DEBUG
    "Debug build";
#else
    "Release build";
#endif

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
