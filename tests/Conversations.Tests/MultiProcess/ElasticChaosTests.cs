using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Properties;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// OPS-1 after Orleans' ChaoticCluster: under 100 visitors and 5 agents' consoles across 2 web nodes, the cluster moves
/// between 1 and 3 silos every 15-30 s, alternating a graceful stop and a kill -9 with adding a silo; a web node is killed
/// or stopped and started again every other step. Afterwards nothing acknowledged is lost or doubled, every inbox row
/// equals its chat, every console equals the server, and typing and presence still work. Each chat's longest wait for an
/// acknowledgement (its unavailability) is printed. Size: CHAOS_MINUTES (default 2, the issue's full size 10),
/// CHAOS_VISITORS (100), CHAOS_SEED (random).
/// </summary>
[Trait("Category", "MultiProcess"), Collection(MultiProcessCollection.Name)]
public sealed class ElasticChaosTests(ITestOutputHelper output) : ProcessClusterTest
{
    private const int MaxSilos = 3;
    private const int AgentCount = 5;

    // The queues in an Azurite of their own, as Azure serves tables and queues apart: one Azurite process (one thread) for
    // both rewrote its whole on-disk database for minutes in the 10-minute run (bench/results/chaos.md, "Full size").
    protected override Task<ProcessCluster> StartClusterAsync() =>
        ProcessCluster.StartAsync(silos: 2, webs: 2, siloSlots: MaxSilos, ownQueueStorage: true);

    // 2026-12-05 (seed 56514): consoles ended 5-6 messages behind (subscriptions lost with a silo; now renewed). 2026-12-06:
    // a killed web node's subscriptions stay in the pub-sub, and deliveries to it pin its stream queues' caches until its
    // gateway drops it (ClientDropTimeout, now 5 s): consoles needed 14-40 s to converge at 15 s, 0-13 s at 5 s
    // (bench/results/chaos.md). Seed 69622 failed once (consoles ~4 behind for 60 s) and passed again since; 60 s stays.
    [Fact]
    [Trait("Spec", "OPS-1"), Trait("Spec", "OPS-2"), Trait("Spec", "X-1"), Trait("Spec", "INB-6")]
    public async Task OPS1_silos_and_web_nodes_come_and_go_under_load_and_nothing_acknowledged_is_lost_doubled_or_stale()
    {
        var minutes = SiloKillTests.SizeFrom("CHAOS_MINUTES", 2);
        var visitorCount = SiloKillTests.SizeFrom("CHAOS_VISITORS", 100);
        var seed = SiloKillTests.SizeFrom("CHAOS_SEED", Random.Shared.Next(1, 100_000));
        var random = new Random(seed);
        output.WriteLine($"{minutes} min, {visitorCount} visitors, {AgentCount} agents, seed {seed}; load average at start {LoadAverage()}");

        using var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[0]);
        var consoles = new List<ConsoleMirror>();
        for (var i = 0; i < AgentCount; i++)
        {
            consoles.Add(await ConsoleMirror.ConnectNewAgentAsync(Cluster, admin, i, $"Chaos agent {i}"));
        }

        var visitors = new List<KillTestVisitor>();
        foreach (var batch in Enumerable.Range(0, visitorCount).Chunk(20))
        {
            visitors.AddRange(await Task.WhenAll(batch.Select(i => Cluster.ConnectVisitorAsync(i, TimeSpan.FromSeconds(1)))));
        }

        using var stop = new CancellationTokenSource();
        var started = DateTimeOffset.UtcNow;
        var sending = visitors.Select(v => v.SendSteadilyAsync(stop.Token)).ToList();
        var reconnecting = consoles.Select(c => c.KeepConnectedAsync(stop.Token)).ToList();

        var steps = await RunChaosAsync(random, started, started.AddMinutes(minutes));
        var chaosEnded = DateTimeOffset.UtcNow;

        // Both web nodes serve again; the clients then have a few quiet seconds to catch up before the load stops.
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await Task.WhenAll(sending);
        await Task.WhenAll(reconnecting);
        output.WriteLine($"{(DateTimeOffset.UtcNow - started).TotalSeconds:F0}s load stopped; load average {LoadAverage()}");

        var acknowledged = visitors.Sum(v => v.Acknowledged.Count);
        var failures = visitors.SelectMany(v => v.Attempts).Count(a => a.Error is not null);
        var live = consoles.Select(c => c.LiveSequences.Select(s => (s.Key.Chat, s.Value)).ToHashSet()).ToList();
        var seenLiveByAll = visitors.Sum(v => v.Acknowledged.Keys.Count(c => live.All(l => l.Contains((v.ChatId, c)))));
        var unavailability = visitors.Select(v => v.LongestWaitBetween(started, chaosEnded)).ToList();
        output.WriteLine($"{steps.Count} chaos steps; {acknowledged} messages acknowledged ({failures} failed attempts, all retried), " +
            $"{100.0 * seenLiveByAll / acknowledged:F1}% seen live by all {AgentCount} consoles; each chat's longest unavailability: {ClusterChecks.Describe(unavailability)}");
        // Each step's own toll: every chat's longest wait from the step until the next one (or the end of the chaos).
        var stepWaits = new List<string>();
        for (var i = 0; i < steps.Count; i++)
        {
            var until = i + 1 < steps.Count ? steps[i + 1].At : chaosEnded;
            var waits = visitors.Select(v => v.LongestWaitBetween(steps[i].At, until)).ToList();
            stepWaits.Add($"{steps[i].Line}: {ClusterChecks.Describe(waits)}; {ClusterChecks.DescribeFailures(visitors, steps[i].At.AddSeconds(-6), until)}");
            output.WriteLine($"  step {stepWaits[^1]}");
        }

        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, "elastic-chaos.json"), JsonSerializer.Serialize(new
        {
            minutes, visitorCount, AgentCount, seed, acknowledged, failures, seenLiveByAll,
            longestUnavailabilitySeconds = unavailability.Max().TotalSeconds,
            p99UnavailabilitySeconds = ClusterChecks.Percentile([.. unavailability.Order()], 0.99).TotalSeconds,
            steps = stepWaits,
        }));

        var stored = await ClusterChecks.AssertNothingAcknowledgedLostOrDoubledAsync(admin, visitors);
        ClusterChecks.AssertNoDivergingHistory(stored, consoles);
        Assert.True(acknowledged >= visitorCount * 10, $"Only {acknowledged} messages were acknowledged.");
        await ClusterChecks.AssertInboxRowsEqualTheirChatsAsync(admin, [.. visitors.Select(v => v.ChatId)], output);
        // The last events can lag after a kill -9 of a silo or a web node (queues moving, subscriptions renewed): 60 s, not 20.
        await ClusterChecks.AssertConsolesEqualServerAsync(consoles, stored, output, within: TimeSpan.FromSeconds(60));
        await AssertTypingReachesEveryConsoleAsync(consoles);
        await AssertPresenceAsync(admin, [.. consoles.Select(c => c.AgentId)]);

        foreach (var client in consoles.Concat<IAsyncDisposable>(visitors))
        {
            await client.DisposeAsync();
        }
    }

    /// <summary>
    /// Until <paramref name="until"/>, every 15-30 s: a silo stops gracefully, is killed, or one is added (between 1 and
    /// <see cref="MaxSilos"/>; removals alternate between a graceful stop and kill -9); every other step a web node is killed
    /// or stopped too, and started again 5 s later. Returns what was done when, for the report.
    /// </summary>
    private async Task<List<(DateTimeOffset At, string Line)>> RunChaosAsync(Random random, DateTimeOffset started, DateTimeOffset until)
    {
        var steps = new List<(DateTimeOffset At, string Line)>();
        var killNext = false;
        var webStep = 0;
        Task restartingWeb = Task.CompletedTask;
        for (var step = 0; ; step++)
        {
            await Task.Delay(TimeSpan.FromSeconds(random.Next(15, 31)));
            if (DateTimeOffset.UtcNow >= until)
            {
                break;
            }

            var running = Enumerable.Range(0, MaxSilos).Where(i => Cluster.IsRunning($"silo-{i}")).ToList();
            var add = running.Count == 1 || (running.Count < MaxSilos && random.Next(2) == 0);
            var stepAt = DateTimeOffset.UtcNow;
            var at = (stepAt - started).TotalSeconds;
            string done;
            if (add)
            {
                var slot = Enumerable.Range(0, MaxSilos).First(i => !running.Contains(i));
                await Cluster.StartSiloAsync(slot);
                done = $"silo-{slot} added (healthy after {(DateTimeOffset.UtcNow - started).TotalSeconds - at:F1} s)";
            }
            else
            {
                var victim = $"silo-{running[random.Next(running.Count)]}";
                if (killNext)
                {
                    Cluster.Node(victim).Kill();
                    done = $"kill -9 {victim}";
                }
                else
                {
                    var byItself = await Cluster.Node(victim).StopAsync(TimeSpan.FromSeconds(30));
                    done = $"{victim} stopped gracefully in {(DateTimeOffset.UtcNow - started).TotalSeconds - at:F1} s{(byItself ? "" : " (killed after 30 s)")}";
                }

                killNext = !killNext;
            }

            if (step % 2 == 1 && restartingWeb.IsCompleted)
            {
                await restartingWeb;
                // web-0 killed, web-1 stopped, web-0 stopped, web-1 killed, and again.
                var web = webStep % 2;
                var name = $"web-{web}";
                if ((webStep + webStep / 2) % 2 == 0)
                {
                    Cluster.Node(name).Kill();
                    done += $"; kill -9 {name}";
                }
                else
                {
                    await Cluster.Node(name).StopAsync(TimeSpan.FromSeconds(30));
                    done += $"; {name} stopped";
                }

                webStep++;
                restartingWeb = RestartWebLaterAsync(web);
            }

            var line = $"{at:F0}s {done}; {Enumerable.Range(0, MaxSilos).Count(i => Cluster.IsRunning($"silo-{i}"))} silo(s); load average {LoadAverage()}";
            output.WriteLine(line);
            steps.Add((stepAt, line));
        }

        await restartingWeb;
        return steps;
    }

    private async Task RestartWebLaterAsync(int index)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        await Cluster.StartWebAsync(index);
    }

    /// <summary>OPS-2 after the chaos: a visitor typing on either web node reaches every console, wherever it ended up.</summary>
    private async Task AssertTypingReachesEveryConsoleAsync(IReadOnlyList<ConsoleMirror> consoles)
    {
        for (var node = 0; node < Cluster.WebNodes.Count; node++)
        {
            await using var visitor = await TestVisitor.ConnectAsync(Cluster.WebNodes[node], ProcessCluster.Property);
            var chatId = Guid.NewGuid();
            await visitor.StartChatAsync(chatId, "Typing after chaos");
            var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
            await HubRetry.WhileUnavailableAsync(
                () => visitor.Hub.InvokeAsync("Typing", ProcessCluster.Property, visitor.Session.VisitorToken, chatId, true),
                _ => DateTimeOffset.UtcNow < deadline);
            while (consoles.Any(c => !c.Typing.Any(t => t.ConversationId == chatId && t.IsTyping)) && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(250);
            }

            var missed = consoles.Count(c => !c.Typing.Any(t => t.ConversationId == chatId && t.IsTyping));
            Assert.True(missed == 0, $"{missed} of {consoles.Count} consoles did not see a visitor on web-{node} typing.");
        }
    }

    /// <summary>
    /// Presence after the chaos: each agent whose console is connected shows online; the admin, who has no console open,
    /// offline (connections of killed web nodes ended with their lease).
    /// </summary>
    private static async Task AssertPresenceAsync(HttpClient admin, IReadOnlyList<Guid> agentIds)
    {
        var team = (await admin.GetFromJsonAsync<List<PropertyAgent>>($"/api/v1/properties/{ProcessCluster.Property}/agents", ProcessCluster.Json))!;
        Assert.All(agentIds, id => Assert.Equal(AgentPresence.Online, team.Single(a => a.Id == id).Presence));
        Assert.Equal(AgentPresence.Offline, team.Single(a => a.Email == ProcessCluster.AdminEmail).Presence);
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
