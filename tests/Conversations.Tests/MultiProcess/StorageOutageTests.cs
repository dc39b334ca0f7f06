using System.Text.Json;
using Conversations.Grains.Interfaces.Common;
using Conversations.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// X-1, storage outage: Azurite, a silo and a web node as processes; visitors over SignalR and an
/// agent over REST send steadily while Azurite is unavailable for 10 s, either frozen (SIGSTOP, so
/// requests hang, as an unreachable service does) or stopped (SIGTERM and a restart on the same
/// ports and data, so connections are refused). Callers must get quick, clear "unavailable"
/// errors (hub: "Unavailable: …"; REST: 503 with Retry-After), never a long hang, and after the
/// outage every acknowledged message is stored exactly once and every client is served again.
/// Size: OUTAGE_TEST_VISITORS (default 10).
/// </summary>
[Trait("Category", "MultiProcess")]
public sealed class StorageOutageTests(ITestOutputHelper output) : ProcessClusterTest
{
    /// <summary>
    /// No call may take longer than this, failed or not. Measured: 8.5 s at worst (a visitor's message
    /// write and then the visitor-link write, each meeting the 2 s x 2 storage timeout); with the SDK's
    /// defaults a call waited for Orleans' 15 s response timeout and the grain stayed stuck for minutes.
    /// </summary>
    private static readonly TimeSpan SlowestAllowed = TimeSpan.FromSeconds(12);

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    protected override Task<ProcessCluster> StartClusterAsync() => ProcessCluster.StartAsync(silos: 1, webs: 1);

    [Theory, Trait("Spec", "X-1")]
    [InlineData("freeze")]
    [InlineData("stop")]
    public async Task X1_callers_fail_fast_while_storage_is_down_and_nothing_acknowledged_is_lost(string mode)
    {
        var visitorCount = int.TryParse(Environment.GetEnvironmentVariable("OUTAGE_TEST_VISITORS"), out var size) && size > 0 ? size : 10;
        var visitors = await Task.WhenAll(Enumerable.Range(0, visitorCount).Select(Cluster.ConnectVisitorAsync));
        using var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[0]);
        var agent = new RestAgentSender(admin, [.. visitors.Select(v => v.ChatId)]);

        using var stop = new CancellationTokenSource();
        var sending = visitors.Select(v => v.SendSteadilyAsync(stop.Token)).Append(agent.SendSteadilyAsync(stop.Token)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(5));

        var outageStart = DateTimeOffset.UtcNow;
        await (mode == "freeze" ? Cluster.Azurite.FreezeAsync() : Cluster.Azurite.StopAsync());
        await Task.Delay(Outage);
        await (mode == "freeze" ? Cluster.Azurite.ThawAsync() : Cluster.Azurite.RestartAsync());
        var outageEnd = DateTimeOffset.UtcNow;
        output.WriteLine($"Azurite {mode}: unavailable for {(outageEnd - outageStart).TotalSeconds:F1}s");

        await Task.Delay(TimeSpan.FromSeconds(15));
        await stop.CancelAsync();
        await Task.WhenAll(sending);

        var hubAttempts = visitors.SelectMany(v => v.Attempts).ToList();
        var restAttempts = agent.Attempts.ToList();
        var hubFailures = hubAttempts.Where(a => a.Error is not null).ToList();
        var restFailures = restAttempts.Where(a => a.Error is not null).ToList();
        var slowestFailure = hubFailures.Concat(restFailures).Select(a => a.Took).DefaultIfEmpty().Max();
        var slowestCall = hubAttempts.Concat(restAttempts).Select(a => a.Took).Max();
        var recovery = visitors.Select(v => FirstSuccessAfter(v.Attempts, outageEnd)).Append(FirstSuccessAfter(agent.Attempts, outageEnd)).Max();
        output.WriteLine(
            $"{visitorCount} visitors + 1 REST agent: {hubAttempts.Count} hub calls ({hubFailures.Count} failed), {restAttempts.Count} REST calls ({restFailures.Count} failed); " +
            $"slowest failure {slowestFailure.TotalSeconds:F2}s, slowest call {slowestCall.TotalSeconds:F2}s; every client served again {recovery.TotalSeconds:F2}s after storage was back");
        foreach (var error in hubFailures.Concat(restFailures).GroupBy(a => a.Error))
        {
            output.WriteLine($"  {error.Count()} x {error.Key}");
        }

        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, $"storage-outage-{mode}.json"), JsonSerializer.Serialize(new
        {
            mode, visitorCount, outageSeconds = (outageEnd - outageStart).TotalSeconds, hubCalls = hubAttempts.Count, hubFailures = hubFailures.Count,
            restCalls = restAttempts.Count, restFailures = restFailures.Count, slowestFailureSeconds = slowestFailure.TotalSeconds,
            slowestCallSeconds = slowestCall.TotalSeconds, recoverySeconds = recovery.TotalSeconds,
        }));

        // The outage was felt, and felt as "unavailable, retry": no other error, no hang. The one REST agent sends one call at a
        // time, and a frozen storage may hold that call in its chat's queue until storage is back and then serve it, so only
        // a stopped storage must fail one of its calls.
        Assert.NotEmpty(hubFailures);
        if (mode == "stop")
        {
            Assert.NotEmpty(restFailures);
        }

        Assert.All(hubFailures, f => Assert.Contains("HubException: Unavailable:", f.Error));
        Assert.All(restFailures, f => Assert.StartsWith("503 Retry-After=", f.Error));
        Assert.DoesNotContain("Retry-After=none", restFailures.Select(f => f.Error));
        Assert.True(slowestCall < SlowestAllowed, $"The slowest call took {slowestCall}.");
        Assert.True(recovery < TimeSpan.FromSeconds(10), $"Clients were served again only {recovery} after storage was back.");

        // Exactly once: what was acknowledged is stored, nothing twice, nothing never sent, no gaps.
        foreach (var visitor in visitors)
        {
            var stored = await ProcessCluster.StoredMessagesAsync(admin, visitor.ChatId);
            var commands = stored.Select(m => m.CommandId).ToList();
            Assert.True(commands.Count == commands.Distinct().Count(), $"Chat {visitor.ChatId} stores a command twice.");
            Assert.All(visitor.Acknowledged.Keys, c => Assert.Contains(c, commands));
            Assert.All(agent.Acknowledged.Where(a => a.Value.ChatId == visitor.ChatId), a => Assert.Contains(a.Key, commands));
            Assert.All(stored.Where(m => m.AuthorKind == AuthorKind.Visitor), m => Assert.Contains(m.CommandId, visitor.Sent));
            Assert.All(stored.Where(m => m.AuthorKind == AuthorKind.Agent), m => Assert.Contains((visitor.ChatId, m.CommandId), agent.Sent));
            Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Select(m => m.Sequence));
        }

        foreach (var visitor in visitors)
        {
            await visitor.DisposeAsync();
        }
    }

    /// <summary>How long after <paramref name="from"/> the first call that started or ended after it succeeded.</summary>
    private static TimeSpan FirstSuccessAfter(IEnumerable<CallAttempt> attempts, DateTimeOffset from) =>
        attempts.Where(a => a.Error is null && a.At + a.Took >= from).Select(a => a.At + a.Took - from).DefaultIfEmpty(TimeSpan.MaxValue).Min();
}
