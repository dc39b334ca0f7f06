using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Conversations.Web.Visitors;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// X-1 across real processes: Azurite, 2 silos and 2 web nodes on loopback; visitors and agents over
/// SignalR; kill -9 of a silo mid-run and its restart, then kill -9 of a web node whose clients move to
/// the other. Every message a visitor saw acknowledged must be stored exactly once and reach the agents.
/// Size: KILL_TEST_VISITORS (default 40) and KILL_TEST_AGENTS (default 4); the full size is 200/10.
/// </summary>
[Trait("Category", "MultiProcess")]
public sealed class SiloKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Property = "kill-test";
    private const string AdminEmail = "admin@kill.test";
    private const string AdminPassword = "kill-test-password";

    private readonly List<NodeProcess> _nodes = [];
    private readonly Dictionary<string, string> _environment = [];
    private AzuriteProcess? _azurite;
    private (int Silo, int Gateway, int Http)[] _siloPorts = [];
    private Uri[] _webNodes = [];

    public async Task InitializeAsync()
    {
        try
        {
            await StartAllAsync();
        }
        catch
        {
            // xunit does not call DisposeAsync when InitializeAsync fails: stop what did start.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _environment["Conversations__StorageConnectionString"] = _azurite!.ConnectionString;
        _environment["Conversations__ClusterId"] = "kill-" + Guid.NewGuid().ToString("N")[..8];
        _environment["Conversations__RateLimits__NewChatsPerMinutePerIp"] = "100000";
        _environment["Conversations__RateLimits__MessagesPerMinutePerVisitor"] = "100000";
        _environment["Conversations__RateLimits__VisitorSessionsPerMinutePerIp"] = "100000";
        _environment["Logging__LogLevel__Default"] = "Warning";

        _siloPorts = [.. Enumerable.Range(0, 2).Select(_ => (AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), AzuriteProcess.FreePort()))];
        await Task.WhenAll(StartSiloAsync(0), StartSiloAsync(1));

        _webNodes = [.. Enumerable.Range(0, 2).Select(_ => new Uri($"http://127.0.0.1:{AzuriteProcess.FreePort()}"))];
        await Task.WhenAll(_webNodes.Select((uri, i) => StartWebAsync(i, uri)));
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    [Fact, Trait("Spec", "X-1"), Trait("Spec", "INB-6")]
    public async Task X1_nothing_acknowledged_is_lost_or_duplicated_when_a_silo_and_a_web_node_are_killed()
    {
        var visitorCount = SizeFrom("KILL_TEST_VISITORS", 40);
        var agentCount = SizeFrom("KILL_TEST_AGENTS", 4);
        var seenByAgents = new ConcurrentDictionary<(Guid Chat, string Command), bool>();
        var agents = await Task.WhenAll(Enumerable.Range(0, agentCount).Select(i => ConnectAgentAsync(i, seenByAgents)));
        var visitors = await Task.WhenAll(Enumerable.Range(0, visitorCount).Select(ConnectVisitorAsync));

        using var stop = new CancellationTokenSource();
        var started = DateTimeOffset.UtcNow;
        var sending = visitors.Select(v => v.SendSteadilyAsync(stop.Token)).ToList();

        await Task.Delay(TimeSpan.FromSeconds(6));
        var siloKilledAt = DateTimeOffset.UtcNow;
        _nodes.Single(n => n.Name == "silo-0").Kill();
        output.WriteLine($"{(siloKilledAt - started).TotalSeconds:F1}s kill -9 silo-0");
        await Task.Delay(TimeSpan.FromSeconds(4));
        await StartSiloAsync(0);
        output.WriteLine($"{(DateTimeOffset.UtcNow - started).TotalSeconds:F1}s silo-0 restarted and healthy");

        await Task.Delay(TimeSpan.FromSeconds(6));
        var webKilledAt = DateTimeOffset.UtcNow;
        _nodes.Single(n => n.Name == "web-1").Kill();
        output.WriteLine($"{(webKilledAt - started).TotalSeconds:F1}s kill -9 web-1");

        await Task.Delay(TimeSpan.FromSeconds(8));
        await stop.CancelAsync();
        await Task.WhenAll(sending);

        // Resync: agents that lost their node refetch what they may have missed, as the console does.
        using var admin = await SignInAsync(_webNodes[0]);
        var stored = new Dictionary<Guid, List<ConversationMessage>>();
        foreach (var visitor in visitors)
        {
            stored[visitor.ChatId] = (await admin.GetFromJsonAsync<List<ConversationMessage>>(
                $"/api/v1/properties/{Property}/chats/{visitor.ChatId}/messages?limit=1000", Json))!;
        }

        var acknowledged = visitors.Sum(v => v.Acknowledged.Count);
        var liveToAgents = visitors.Sum(v => v.Acknowledged.Keys.Count(c => seenByAgents.ContainsKey((v.ChatId, c))));
        var recovery = visitors.Max(v => v.LongestWaitAfter(siloKilledAt));
        output.WriteLine($"{visitorCount} visitors, {agentCount} agents: {acknowledged} messages acknowledged, {liveToAgents} seen live by agents ({100.0 * liveToAgents / acknowledged:F1}%), longest wait for an acknowledgement after the silo kill {recovery.TotalSeconds:F1}s");
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, "kill-test.json"), JsonSerializer.Serialize(new
        {
            visitorCount, agentCount, acknowledged, liveToAgents, recoverySeconds = recovery.TotalSeconds,
            siloKilledAtSeconds = (siloKilledAt - started).TotalSeconds, webKilledAtSeconds = (webKilledAt - started).TotalSeconds,
        }));

        foreach (var visitor in visitors)
        {
            var commands = stored[visitor.ChatId].Select(m => m.CommandId).ToList();
            Assert.True(commands.Count == commands.Distinct().Count(), $"Chat {visitor.ChatId} stores a command twice.");
            Assert.All(visitor.Acknowledged.Keys, c => Assert.Contains(c, commands));
            Assert.All(commands, c => Assert.True(visitor.Sent.Contains(c), $"Chat {visitor.ChatId} stores {c}, which was never sent."));
            Assert.Equal(Enumerable.Range(1, commands.Count).Select(i => (long)i), stored[visitor.ChatId].Select(m => m.Sequence));
        }

        Assert.True(acknowledged >= visitorCount * 10, $"Only {acknowledged} messages were acknowledged.");
        Assert.True(recovery < TimeSpan.FromSeconds(30), $"Recovery took {recovery}.");

        foreach (var agent in agents)
        {
            await agent.DisposeAsync();
        }

        foreach (var visitor in visitors)
        {
            await visitor.DisposeAsync();
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private async Task StartSiloAsync(int index)
    {
        var (silo, gateway, http) = _siloPorts[index];
        var node = NodeProcess.Start("Silo", $"silo-{index}", new Dictionary<string, string>(_environment)
        {
            ["Urls"] = $"http://127.0.0.1:{http}",
            ["Conversations__Silo__SiloPort"] = silo.ToString(),
            ["Conversations__Silo__GatewayPort"] = gateway.ToString(),
        });
        _nodes.RemoveAll(n => n.Name == node.Name);
        _nodes.Add(node);
        await node.WaitHealthyAsync(new Uri($"http://127.0.0.1:{http}/health"), TimeSpan.FromSeconds(90));
    }

    private async Task StartWebAsync(int index, Uri uri)
    {
        var node = NodeProcess.Start("Web", $"web-{index}", new Dictionary<string, string>(_environment)
        {
            ["Urls"] = uri.ToString().TrimEnd('/'),
            ["Conversations__Seed__PropertyId"] = Property,
            ["Conversations__Seed__AdminEmail"] = AdminEmail,
            ["Conversations__Seed__AdminPassword"] = AdminPassword,
        });
        _nodes.Add(node);
        await node.WaitHealthyAsync(new Uri(uri, "/health"), TimeSpan.FromSeconds(90));
    }

    private static async Task<HttpClient> SignInAsync(Uri node)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = node };
        (await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = AdminEmail, password = AdminPassword })).EnsureSuccessStatusCode();
        return http;
    }

    private async Task<FailoverClient> ConnectAgentAsync(int index, ConcurrentDictionary<(Guid, string), bool> seen)
    {
        var cookies = new CookieContainer();
        foreach (var node in _webNodes)
        {
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = node };
            (await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = AdminEmail, password = AdminPassword })).EnsureSuccessStatusCode();
        }

        var client = new FailoverClient(_webNodes, index, AgentHub.Path, o => o.Cookies = cookies);
        client.OnConnectedAsync = async connection =>
        {
            connection.On<JsonElement>(RealtimeDelivery.EventMethod, evt =>
            {
                if (evt.GetProperty("type").GetString() == "messagePosted")
                {
                    seen[(evt.GetProperty("conversationId").GetGuid(), evt.GetProperty("message").GetProperty("commandId").GetString()!)] = true;
                }
            });
            await connection.InvokeAsync("JoinProperty", Property);
        };
        await client.ConnectionAsync();
        return client;
    }

    private async Task<KillTestVisitor> ConnectVisitorAsync(int index)
    {
        using var http = new HttpClient { BaseAddress = _webNodes[index % 2] };
        var session = (await (await http.PostAsJsonAsync("/api/v1/widget/sessions", new { propertyId = Property })).Content.ReadFromJsonAsync<VisitorSession>())!;
        var visitor = new KillTestVisitor(session, new FailoverClient(_webNodes, index, VisitorHub.Path));
        await visitor.StartAsync();
        return visitor;
    }

    private static int SizeFrom(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var size) && size > 0 ? size : fallback;
}
