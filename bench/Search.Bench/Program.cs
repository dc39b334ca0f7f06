using System.Diagnostics;
using System.Globalization;
using System.Text;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Search;
using Conversations.Infrastructure.Search;
using Conversations.Search.Bench;

// SRCH-1 benchmark. Generates conversations and messages straight into the LuceneConversationSearchIndex that
// ConversationSearchGrain holds (no grains, no storage), with the grain's own per-conversation filter (InboxFilter over
// inbox rows), then times a query mix alone and with many callers at once, each on the thread pool as the grain runs them.
// Usage: dotnet run -c Release --project bench/Search.Bench -- [messages=100000] [callers=50] [queries=2000]
var inv = CultureInfo.InvariantCulture;
var messageTotal = args.Length > 0 ? long.Parse(args[0], inv) : 100_000;
var callers = args.Length > 1 ? int.Parse(args[1], inv) : 50;
var queryCount = args.Length > 2 ? int.Parse(args[2], inv) : 2_000;
const int MessagesPerConversation = 10;
const int PageSize = 20;
var conversationTotal = (int)Math.Max(1, messageTotal / MessagesPerConversation);

var text = new TextGenerator(seed: 7);
var factory = new LuceneConversationSearchIndexFactory();
using var index = factory.Create("bench");
var rows = new Dictionary<Guid, InboxRow>(conversationTotal);
var ids = new Guid[conversationTotal];
var emails = new List<string>();
var start = DateTimeOffset.UtcNow.AddDays(-365);
string[] tags = ["billing", "bug", "vip", "refund", "login", "shipping", "feature", "urgent"];

var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var indexing = Stopwatch.StartNew();
long written = 0;
for (var c = 0; c < conversationTotal; c++)
{
    var id = Guid.NewGuid();
    ids[c] = id;
    var ticket = c % 2 == 0;
    var name = text.Word() + " " + text.Word();
    var email = $"{text.Word()}.{c}@example.com";
    if (c % 1000 == 0)
    {
        emails.Add(email);
    }

    var rowTags = Enumerable.Range(0, text.Next(3)).Select(_ => tags[text.Next(tags.Length)]).Distinct().ToArray();
    var updated = start.AddMinutes(c * 525_600.0 / conversationTotal);
    var row = new InboxRow(id, "bench", ticket ? ConversationKind.Ticket : ConversationKind.Chat, (InboxStatus)(1 + text.Next(3)),
        text.Next(20) == 0 ? BinState.Trashed : BinState.Inbox, ticket ? text.Sentence(3, 7) : name, email, AssigneeKind.None, null,
        MessagesPerConversation, updated.AddHours(-1), updated, ChatRatingValue.None, ticket ? 1 + text.Next(5) : 0, rowTags, MessagesPerConversation + 1);
    rows[id] = row;
    index.UpsertConversation(new SearchedConversationFields(id, row.Title, email, rowTags));
    for (var m = 1; m <= MessagesPerConversation; m++)
    {
        var isWhisper = m % 7 == 0;
        index.AddMessage(id, new ConversationMessage(m, $"c{m}", m % 2 == 1 ? AuthorKind.Visitor : AuthorKind.Agent, "a", m % 2 == 1 ? name : "Agent Smith",
            text.Sentence(8, 40), isWhisper, updated.AddMinutes(m - MessagesPerConversation)));
        written++;
    }

    if ((c + 1) % 100_000 == 0)
    {
        Console.Error.WriteLine(string.Create(inv, $"{DateTime.UtcNow:HH:mm:ss} indexed {written:N0} messages"));
    }
}

// The first search opens a reader: the last segment is flushed then, so it belongs to the indexing time, and so do the
// merges still running (queries timed beside a merge of gigabytes would measure the merge).
index.Search("warm", true, _ => true, 0, 1);
((LuceneConversationSearchIndex)index).WaitForMerges();
indexing.Stop();
var indexingCpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
var size = index.SizeInBytes;

string[] kinds = ["one common word", "one word", "two words", "rare word", "phrase", "prefix", "email", "word + closed tickets", "word + tag", "word, trash view"];
var queries = Enumerable.Range(0, queryCount).Select(i => (i % kinds.Length) switch
{
    0 => (text.CommonWord(), new InboxQuery()),
    1 => (text.Word(), new InboxQuery()),
    2 => ($"{text.Word()} {text.Word()}", new InboxQuery()),
    3 => (text.RareWord(), new InboxQuery()),
    4 => ($"\"{text.CommonWord()} {text.Word()}\"", new InboxQuery()),
    5 => (text.Word()[..3] + "*", new InboxQuery()),
    6 => ($"\"{emails[text.Next(emails.Count)]}\"", new InboxQuery()),
    7 => (text.Word(), new InboxQuery(InboxView.Tickets, Statuses: [InboxStatus.Closed])),
    8 => (text.Word(), new InboxQuery(Tags: [tags[text.Next(tags.Length)]])),
    _ => (text.Word(), new InboxQuery(InboxView.Trash)),
}).ToList();

long totalHits = 0;
long capped = 0;
double Run((string Text, InboxQuery Filters) query)
{
    var filter = new InboxFilter(query.Filters);
    var begin = Stopwatch.GetTimestamp();
    var result = index.Search(query.Text, true, id => rows.TryGetValue(id, out var row) && filter.Matches(row), 0, PageSize);
    Interlocked.Add(ref totalHits, result.Total);
    if (result.TotalIsLowerBound)
    {
        Interlocked.Increment(ref capped);
    }

    return Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
}

Console.Error.WriteLine(string.Create(inv, $"{DateTime.UtcNow:HH:mm:ss} querying"));
foreach (var query in queries.Take(200))
{
    Run(query);
}

totalHits = 0;
capped = 0;

var gen0Before = GC.CollectionCount(0);
var gen2Before = GC.CollectionCount(2);
var allocatedBefore = GC.GetTotalAllocatedBytes();
var pausedBefore = GC.GetTotalPauseDuration();
var byKind = kinds.Select(_ => new List<double>()).ToArray();
var alone = new double[queries.Count];
for (var i = 0; i < queries.Count; i++)
{
    alone[i] = Run(queries[i]);
    byKind[i % kinds.Length].Add(alone[i]);
}

var gen0Alone = GC.CollectionCount(0) - gen0Before;
var gen2Alone = GC.CollectionCount(2) - gen2Before;
var allocatedAlone = GC.GetTotalAllocatedBytes() - allocatedBefore;
var pausedAlone = GC.GetTotalPauseDuration() - pausedBefore;
Array.Sort(alone);
var loadAlone = LoadAverage();

// Many callers at once: the grain runs each search on the thread pool, one per core at a time (a latency counts the wait).
var together = new List<double>(queries.Count);
var next = -1;
var wall = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < queries.Count)
    {
        var begin = Stopwatch.GetTimestamp();
        await SearchSlots.RunAsync(() => Run(queries[i]));
        var elapsed = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        lock (together)
        {
            together.Add(elapsed);
        }
    }
})));
wall.Stop();
var concurrent = together.Order().ToArray();

var loadTogether = LoadAverage();
var report = new StringBuilder()
    .AppendLine(inv, $"## {written:N0} messages, {conversationTotal:N0} conversations")
    .AppendLine()
    .AppendLine(inv, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average after the single-caller pass {loadAlone}, after the {callers}-caller pass {loadTogether}.")
    .AppendLine()
    .AppendLine(inv, $"- Indexing: {indexing.Elapsed.TotalSeconds:F1} s, **{written / indexing.Elapsed.TotalSeconds:N0} messages/s** ({indexingCpu / written * 1e6:F0} µs CPU per message, conversation documents included).")
    .AppendLine(inv, $"- Index size: {size / 1048576.0:F1} MiB, **{(double)size / written:F0} bytes per message** (text stored for snippets).")
    .AppendLine(inv, $"- Queries: {queries.Count:N0} of a {kinds.Length}-kind mix, page of {PageSize} with highlighted snippets; {(double)totalHits / (queries.Count * 2):N0} hits per query on average; {(double)capped / (queries.Count * 2):P0} of the queries stopped before the end ({LuceneConversationSearchIndex.MaxRankedMatches:N0} matches ranked, or {LuceneConversationSearchIndex.MaxExaminedCandidates:N0} candidates looked at with enough for the deepest page).")
    .AppendLine(inv, $"- Garbage collection during the single-caller pass: {allocatedAlone / (double)queries.Count / 1024:N0} KiB allocated per query, {gen0Alone} collections ({gen2Alone} of gen2), {pausedAlone.TotalMilliseconds:N0} ms paused in all.")
    .AppendLine()
    .AppendLine("| callers | p50 | p90 | p99 | max | queries/s |")
    .AppendLine("|---|---|---|---|---|---|")
    .AppendLine(inv, $"| 1 | {Percentile(alone, 50):F2} ms | {Percentile(alone, 90):F2} ms | {Percentile(alone, 99):F2} ms | {alone[^1]:F2} ms | {1000 / alone.Average():N0} |")
    .AppendLine(inv, $"| {callers} | {Percentile(concurrent, 50):F2} ms | {Percentile(concurrent, 90):F2} ms | {Percentile(concurrent, 99):F2} ms | {concurrent[^1]:F2} ms | {queries.Count / wall.Elapsed.TotalSeconds:N0} |")
    .AppendLine()
    .AppendLine("| query kind (one caller) | p50 | p99 |")
    .AppendLine("|---|---|---|")
    .AppendJoin("", kinds.Select((kind, k) =>
    {
        var sorted = byKind[k].Order().ToArray();
        return string.Create(inv, $"| {kind} | {Percentile(sorted, 50):F2} ms | {Percentile(sorted, 99):F2} ms |\n");
    }))
    .ToString();
Console.WriteLine(report);
Console.WriteLine(string.Create(inv, $"RESULT messages={written} p99_alone_ms={Percentile(alone, 99):F2} p99_callers_ms={Percentile(concurrent, 99):F2} bytes_per_message={(double)size / written:F0} messages_per_s={written / indexing.Elapsed.TotalSeconds:F0}"));
return 0;

static double Percentile(double[] sorted, double p) =>
    sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1))];

static string LoadAverage() => File.Exists("/proc/loadavg")
    ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
    : "unknown";
