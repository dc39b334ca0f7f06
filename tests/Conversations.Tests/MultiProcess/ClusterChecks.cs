using System.Net.Http.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Web.Inbox;
using Xunit;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>The end checks of the multi-process tests: what must hold after kills, restarts, chaos and partitions.</summary>
public static class ClusterChecks
{
    /// <summary>
    /// X-1: every message a visitor saw acknowledged is stored, none twice, none that was never sent, and each chat's
    /// sequences run 1..n (one history). Returns every chat's stored messages.
    /// </summary>
    public static async Task<Dictionary<Guid, List<ConversationMessage>>> AssertNothingAcknowledgedLostOrDoubledAsync(
        HttpClient admin, IReadOnlyList<KillTestVisitor> visitors)
    {
        var stored = new Dictionary<Guid, List<ConversationMessage>>();
        foreach (var visitor in visitors)
        {
            stored[visitor.ChatId] = await ProcessCluster.StoredMessagesAsync(admin, visitor.ChatId);
        }

        foreach (var visitor in visitors)
        {
            var commands = stored[visitor.ChatId].Select(m => m.CommandId).ToList();
            Assert.True(commands.Count == commands.Distinct().Count(), $"Chat {visitor.ChatId} stores a command twice.");
            var lost = visitor.Acknowledged.Keys.Where(c => !commands.Contains(c)).ToList();
            Assert.True(lost.Count == 0, $"Chat {visitor.ChatId} lost {lost.Count} acknowledged message(s), e.g. {lost.FirstOrDefault()}.");
            Assert.All(commands, c => Assert.True(visitor.Sent.Contains(c), $"Chat {visitor.ChatId} stores {c}, which was never sent."));
            Assert.Equal(Enumerable.Range(1, commands.Count).Select(i => (long)i), stored[visitor.ChatId].Select(m => m.Sequence));
        }

        return stored;
    }

    /// <summary>
    /// No conversation with two diverging histories: every message a console saw live holds the same place in the stored
    /// transcript (two activations of one chat accepting different messages at one sequence would show here).
    /// </summary>
    public static void AssertNoDivergingHistory(IReadOnlyDictionary<Guid, List<ConversationMessage>> stored, IEnumerable<ConsoleMirror> consoles)
    {
        var diverging = consoles.SelectMany(c => c.LiveSequences)
            .Where(live => stored.TryGetValue(live.Key.Chat, out var messages) &&
                (live.Key.Sequence > messages.Count || messages[(int)live.Key.Sequence - 1].CommandId != live.Value))
            .Select(live => $"{live.Key.Chat} #{live.Key.Sequence} was {live.Value} live")
            .Distinct()
            .ToList();
        Assert.True(diverging.Count == 0, "Histories diverge: " + string.Join("; ", diverging.Take(10)));
    }

    /// <summary>
    /// INB-6: every chat's inbox row equals the chat's own state (version, message count, status). The shards repair rows
    /// whose writer died within a few seconds, so this waits up to 30 s for them to agree.
    /// </summary>
    public static async Task AssertInboxRowsEqualTheirChatsAsync(HttpClient admin, IReadOnlyList<Guid> chatIds, ITestOutputHelper output)
    {
        var chats = new Dictionary<Guid, ChatView>();
        foreach (var id in chatIds)
        {
            chats[id] = (await admin.GetFromJsonAsync<ChatView>($"/api/v1/properties/{ProcessCluster.Property}/chats/{id}", ProcessCluster.Json))!;
        }

        var differences = new List<string>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        do
        {
            var rows = await InboxRowsAsync(admin);
            differences = [.. chats.Values
                .Where(c => !rows.TryGetValue(c.Id, out var row) || (row.Version, row.MessageCount, row.Status) != (c.Version, c.MessageCount, c.Status == ChatStatus.Closed ? InboxStatus.Closed : InboxStatus.Open))
                .Select(c => $"{c.Id}: chat v{c.Version}/{c.MessageCount}, row {(rows.TryGetValue(c.Id, out var r) ? $"v{r.Version}/{r.MessageCount}" : "missing")}")];
            if (differences.Count == 0)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        while (DateTimeOffset.UtcNow < deadline);

        output.WriteLine($"Inbox rows compared with {chats.Count} chats: {differences.Count} differ");
        Assert.True(differences.Count == 0, string.Join("; ", differences.Take(10)));
    }

    /// <summary>Every row of the property's chat list, page by page.</summary>
    public static async Task<Dictionary<Guid, InboxRow>> InboxRowsAsync(HttpClient http)
    {
        var rows = new Dictionary<Guid, InboxRow>();
        string? cursor = null;
        do
        {
            var page = (await http.GetFromJsonAsync<InboxPageResponse>(
                $"/api/v1/properties/{ProcessCluster.Property}/inbox?view=chats&limit=200&cursor={cursor}", ProcessCluster.Json))!;
            foreach (var row in page.Rows)
            {
                rows[row.Id] = row;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return rows;
    }

    /// <summary>
    /// Every console ends equal to the server: its list shows each chat's stored message count, kept by live events
    /// after its last reconnect (the last events may still be on their way, so this waits up to <paramref name="within"/>,
    /// 20 s unless given, without refetching). Prints how long they took and how many differed after 20 s.
    /// </summary>
    public static async Task AssertConsolesEqualServerAsync(
        IReadOnlyList<ConsoleMirror> consoles, IReadOnlyDictionary<Guid, List<ConversationMessage>> stored, ITestOutputHelper output, TimeSpan? within = null)
    {
        var differences = new List<string>();
        var from = DateTimeOffset.UtcNow;
        var deadline = from + (within ?? TimeSpan.FromSeconds(20));
        int? after20s = null;
        while (true)
        {
            differences = [.. consoles.SelectMany((console, i) => stored
                .Where(chat => console.MessageCount(chat.Key) != chat.Value.Count)
                .Select(chat => $"console {i} shows {console.MessageCount(chat.Key)} messages in {chat.Key}, the server stores {chat.Value.Count}"))];
            if (after20s is null && DateTimeOffset.UtcNow - from >= TimeSpan.FromSeconds(20))
            {
                after20s = differences.Count;
            }

            if (differences.Count == 0 || DateTimeOffset.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        output.WriteLine($"{consoles.Count} consoles compared with {stored.Count} chats: {differences.Count} differences after {(DateTimeOffset.UtcNow - from).TotalSeconds:F0} s" +
            $"{(after20s is { } n ? $" ({n} after 20 s)" : "")}; reconnects per console: {string.Join(", ", consoles.Select(c => c.Joins - 1))}");
        Assert.True(differences.Count == 0, string.Join("; ", differences.Take(10)));
    }

    /// <summary>
    /// The failed calls started between <paramref name="from"/> and <paramref name="until"/>, by kind: how many, and how long
    /// the longest took (a call stuck until the grain call timeout shows as ~6 s; a refusal as a few ms).
    /// </summary>
    public static string DescribeFailures(IEnumerable<KillTestVisitor> visitors, DateTimeOffset from, DateTimeOffset until)
    {
        var failed = visitors.SelectMany(v => v.Attempts).Where(a => a.Error is not null && a.At >= from && a.At <= until).ToList();
        var kinds = failed
            .Select(a => a with { Error = a.Error!.Replace("An unexpected error occurred invoking ", "").Replace(" on the server. HubException", "") })
            .GroupBy(a => a.Error!.Length > 70 ? a.Error[..70] : a.Error)
            .OrderByDescending(g => g.Count())
            .Take(5)
            .Select(g => $"{g.Count()} x '{g.Key}' (longest {g.Max(a => a.Took).TotalSeconds:F1} s)");
        return failed.Count == 0 ? "no failed calls" : $"{failed.Count} failed calls: {string.Join("; ", kinds)}";
    }

    /// <summary>"max 8.1 s, p99 7.9 s, median 2.0 s" of each chat's longest wait.</summary>
    public static string Describe(IReadOnlyList<TimeSpan> longestWaits)
    {
        var sorted = longestWaits.OrderBy(w => w).ToList();
        return $"max {sorted[^1].TotalSeconds:F1} s, p99 {Percentile(sorted, 0.99).TotalSeconds:F1} s, median {Percentile(sorted, 0.5).TotalSeconds:F1} s";
    }

    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, double share) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
