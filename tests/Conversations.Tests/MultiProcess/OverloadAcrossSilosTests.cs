using System.Globalization;
using System.Text.RegularExpressions;
using Conversations.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// OPS-3 across 2 silos: a web node whose bound (Conversations:Admission:MaxCallsInFlight) is set where this machine's
/// cluster is at its knee is offered far more: widgets over many hub connections and agents over REST, each sending
/// again as soon as it is answered. The excess is refused at once as retriable (503 + Retry-After, hub "Unavailable"),
/// the accepted messages flow at the rate of the knee, nothing acknowledged is lost, and refusals stop once the load drops.
/// Refusal latency is measured from the server's view (the node's own request log) and from the clients': every sender
/// has one call in flight at a time, so a refusal never waits behind calls of its own connection (a hub connection runs
/// one call at a time).
/// </summary>
[Trait("Category", "MultiProcess"), Collection(MultiProcessCollection.Name)]
public sealed partial class OverloadAcrossSilosTests(ITestOutputHelper output) : ProcessClusterTest
{
    private const int Bound = 16;
    private const int KneeSenders = 12;
    private const int ExtraVisitors = 100;
    private const int RestSenders = 16;

    protected override Task<ProcessCluster> StartClusterAsync() => ProcessCluster.StartAsync(silos: 2, webs: 1, webSettings: new Dictionary<string, string>
    {
        ["Conversations__Admission__MaxCallsInFlight"] = Bound.ToString(CultureInfo.InvariantCulture),
        // "Request finished … 503 … 0.41ms": the node's own view of how long a refusal took.
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    });

    [Fact, Trait("Spec", "OPS-3"), Trait("Spec", "X-1")]
    public async Task OPS3_past_the_bound_the_excess_is_refused_within_ms_goodput_holds_and_nothing_acknowledged_is_lost()
    {
        using var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[0]);
        var knee = await Task.WhenAll(Enumerable.Range(0, KneeSenders).Select(i => Cluster.ConnectVisitorAsync(i, TimeSpan.Zero)));
        var extra = new List<KillTestVisitor>();
        foreach (var batch in Enumerable.Range(0, ExtraVisitors).Chunk(20))
        {
            extra.AddRange(await Task.WhenAll(batch.Select(i => Cluster.ConnectVisitorAsync(i, TimeSpan.Zero, TimeSpan.FromMilliseconds(500)))));
        }

        var quietChats = await Task.WhenAll(Enumerable.Range(0, RestSenders).Select(i => Cluster.ConnectVisitorAsync(i, TimeSpan.Zero)));
        var agents = quietChats.Select(v => new RestAgentSender(admin, [v.ChatId], TimeSpan.Zero)).ToList();

        // At the knee: fewer senders than the bound, each one call at a time.
        using var stopKnee = new CancellationTokenSource();
        var kneeSending = knee.Select(v => v.SendSteadilyAsync(stopKnee.Token)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(4)); // warm-up
        var kneeFrom = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var kneeUntil = DateTimeOffset.UtcNow;
        var kneeGoodput = Goodput(knee, [], kneeFrom, kneeUntil);

        // Far past it: 8x the senders.
        var log = Path.Combine(RepositoryPaths.Artifacts, "logs", "web-0.log");
        var logOffset = new FileInfo(log).Length;
        using var stopExtra = new CancellationTokenSource();
        var extraSending = extra.Select(v => v.SendSteadilyAsync(stopExtra.Token)).Concat(agents.Select(a => a.SendSteadilyAsync(stopExtra.Token))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var overloadFrom = DateTimeOffset.UtcNow;
        var hostLag = SchedulingLagProbe.Start();
        await Task.Delay(TimeSpan.FromSeconds(20));
        var overloadUntil = DateTimeOffset.UtcNow;
        await hostLag.DisposeAsync();
        await stopExtra.CancelAsync();
        await Task.WhenAll(extraSending);
        var overloadGoodput = Goodput([.. knee, .. extra], agents, overloadFrom, overloadUntil);
        var serverRefusals = RefusalDurations(log, logOffset);

        // The load drops back to the knee: refusals stop within 10 s.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var recoveredFrom = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stopKnee.CancelAsync();
        await Task.WhenAll(kneeSending);
        var afterDrop = knee.SelectMany(v => v.Attempts).Where(a => a.At >= recoveredFrom).ToList();

        var hubRefusals = knee.Concat(extra).SelectMany(v => v.Attempts)
            .Where(a => a.At >= overloadFrom && a.At <= overloadUntil && a.Error is not null).ToList();
        var restRefusals = agents.SelectMany(a => a.Attempts).Where(a => a.At >= overloadFrom && a.At <= overloadUntil && a.Error is not null).ToList();
        var offered = knee.Concat(extra).SelectMany(v => v.Attempts).Concat(agents.SelectMany(a => a.Attempts)).Count(a => a.At >= overloadFrom && a.At <= overloadUntil);
        output.WriteLine($"Bound {Bound} calls in flight, 2 silos, 1 web node; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        output.WriteLine($"At the knee ({KneeSenders} senders): {kneeGoodput:F0} msg/s. Past it ({KneeSenders + ExtraVisitors} hub + {RestSenders} REST senders): " +
            $"{offered / (overloadUntil - overloadFrom).TotalSeconds:F0} calls/s offered, {overloadGoodput:F0} msg/s acknowledged ({overloadGoodput / kneeGoodput:P0} of the knee)");
        output.WriteLine($"Refusals: {serverRefusals.Count} API 503s, server's view {Describe(serverRefusals)}; client's view API {Describe(Took(restRefusals))} ({restRefusals.Count}), hub {Describe(Took(hubRefusals))} ({hubRefusals.Count})");
        output.WriteLine($"This test process paused its own timers by up to {hostLag.WorstLag.TotalMilliseconds:F0} ms while overloaded");
        output.WriteLine($"After the load dropped: {afterDrop.Count(a => a.Error is not null)} refusals among {afterDrop.Count} calls from 10 to 15 s, acknowledged p99 {Describe(Took(afterDrop.Where(a => a.Error is null).ToList()))}");

        Assert.True(hubRefusals.Count > 0 && restRefusals.Count > 0, "The offered load did not go past the bound.");
        Assert.All(hubRefusals, r => Assert.Contains("Unavailable: ", r.Error));
        Assert.All(restRefusals, r => Assert.StartsWith("503 Retry-After=", r.Error, StringComparison.Ordinal));
        Assert.True(serverRefusals.Count > 0, "The web node's log shows no 503.");
        Assert.True(Percentile(serverRefusals, 0.99) <= 50, $"The node took {Percentile(serverRefusals, 0.99):F1} ms (p99) to refuse.");
        // The clients' view includes this process's own pauses: in one full-suite run on 2 cores ~1 % of refusals took just over 1 s.
        var clientBound = 1000 + hostLag.WorstLag.TotalMilliseconds;
        Assert.True(Percentile(Took(restRefusals), 0.99) <= clientBound, $"API callers waited {Describe(Took(restRefusals))} for a refusal; this process paused up to {hostLag.WorstLag.TotalMilliseconds:F0} ms.");
        Assert.True(Percentile(Took(hubRefusals), 0.99) <= clientBound, $"Widgets waited {Describe(Took(hubRefusals))} for a refusal; this process paused up to {hostLag.WorstLag.TotalMilliseconds:F0} ms.");
        Assert.True(overloadGoodput >= 0.7 * kneeGoodput, $"Goodput fell to {overloadGoodput:F0} msg/s from {kneeGoodput:F0} at the knee.");
        Assert.True(afterDrop.Count > 0 && afterDrop.All(a => a.Error is null), "Calls were still refused 10 s after the load dropped.");

        await ClusterChecks.AssertNothingAcknowledgedLostOrDoubledAsync(admin, [.. knee, .. extra]);
        foreach (var agent in agents)
        {
            var chatId = agent.Acknowledged.Values.Select(a => a.ChatId).FirstOrDefault();
            if (chatId == Guid.Empty)
            {
                continue;
            }

            var commands = (await ProcessCluster.StoredMessagesAsync(admin, chatId)).Select(m => m.CommandId).ToList();
            Assert.True(commands.Count == commands.Distinct().Count(), $"Chat {chatId} stores a reply twice.");
            Assert.All(agent.Acknowledged.Keys, c => Assert.Contains(c, commands));
        }

        foreach (var visitor in knee.Concat(extra).Concat(quietChats))
        {
            await visitor.DisposeAsync();
        }
    }

    private static double Goodput(IEnumerable<KillTestVisitor> visitors, IEnumerable<RestAgentSender> agents, DateTimeOffset from, DateTimeOffset until) =>
        (visitors.Sum(v => v.Acknowledged.Values.Count(a => a.At >= from && a.At < until))
            + agents.Sum(a => a.Acknowledged.Values.Count(x => x.Ack.At >= from && x.Ack.At < until)))
        / (until - from).TotalSeconds;

    /// <summary>How long each API refusal took by the web node's own request log ("Request finished … - 503 … 0.41ms"), in ms.</summary>
    private static List<double> RefusalDurations(string log, long offset)
    {
        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var durations = new List<double>();
        while (reader.ReadLine() is { } line)
        {
            if (RequestFinished().Match(line) is { Success: true } match)
            {
                durations.Add(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        return durations;
    }

    private static List<double> Took(IReadOnlyList<CallAttempt> attempts) => [.. attempts.Select(a => a.Took.TotalMilliseconds)];

    private static double Percentile(IReadOnlyList<double> values, double share)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
    }

    private static string Describe(IReadOnlyList<double> ms) =>
        $"median {Percentile(ms, 0.5):F1} ms, p99 {Percentile(ms, 0.99):F1} ms, max {(ms.Count == 0 ? double.NaN : ms.Max()):F1} ms";

    [GeneratedRegex(@"Request finished .* - 503 .* ([0-9.]+)ms$")]
    private static partial Regex RequestFinished();
}
