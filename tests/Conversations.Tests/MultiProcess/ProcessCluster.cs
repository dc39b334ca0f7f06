using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Common;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Conversations.Web.Visitors;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// Real processes on loopback: its own Azurite, silos and web nodes started from the build output,
/// all in one fresh cluster whose web nodes seed the property <see cref="Property"/> and its admin.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    public const string Property = "process-test";
    public const string AdminEmail = "admin@process.test";
    public const string AdminPassword = "process-test-password";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private readonly List<NodeProcess> _nodes = [];
    private readonly Dictionary<string, string> _environment;
    private readonly (int Silo, int Gateway, int Http)[] _siloPorts;
    private readonly SiloNetwork? _network;

    private ProcessCluster(
        AzuriteProcess azurite, AzuriteProcess? queueStorage, int siloSlots, int webs, IReadOnlyDictionary<string, string>? siloSettings, bool loadBalancer,
        IReadOnlyDictionary<string, string>? webSettings, SiloNetwork? network)
    {
        Azurite = azurite;
        QueueStorage = queueStorage;
        _network = network;
        _environment = new()
        {
            // Several silos or web nodes: Azure Queue streams on Azurite, the cloud's provider, which keep events a dying silo had not delivered.
            ["Conversations__Streams"] = siloSlots > 1 || webs > 1 || queueStorage is not null ? "AzureQueue" : "Memory",
            ["Conversations__StorageConnectionString"] = queueStorage?.WithQueues(azurite.ConnectionString) ?? azurite.ConnectionString,
            ["Conversations__ClusterId"] = "process-" + Guid.NewGuid().ToString("N")[..8],
            ["Conversations__RateLimits__NewChatsPerMinutePerIp"] = "100000",
            ["Conversations__RateLimits__MessagesPerMinutePerVisitor"] = "100000",
            ["Conversations__RateLimits__VisitorSessionsPerMinutePerIp"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        SiloSettings = siloSettings ?? new Dictionary<string, string>();
        WebSettings = webSettings ?? new Dictionary<string, string>();
        _siloPorts = [.. Enumerable.Range(0, siloSlots).Select(_ => (AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), AzuriteProcess.FreePort()))];
        WebNodes = [.. Enumerable.Range(0, webs).Select(_ => new Uri($"http://127.0.0.1:{AzuriteProcess.FreePort()}"))];
        LoadBalancer = loadBalancer ? new Uri($"http://127.0.0.1:{AzuriteProcess.FreePort()}") : null;
        if (loadBalancer)
        {
            _environment["Conversations__TrustForwardedFor"] = "true";
        }
    }

    /// <summary>The one address in front of every web node, when the cluster was started with a load balancer.</summary>
    public Uri? LoadBalancer { get; }

    public AzuriteProcess Azurite { get; }

    /// <summary>The queue service of its own (the streams' storage) when the cluster was started with one.</summary>
    public AzuriteProcess? QueueStorage { get; }

    public IReadOnlyList<Uri> WebNodes { get; }

    /// <summary>Extra environment of every silo process (email settings, for example).</summary>
    public IReadOnlyDictionary<string, string> SiloSettings { get; }

    /// <summary>Extra environment of every web node process (its admission bound, for example).</summary>
    public IReadOnlyDictionary<string, string> WebSettings { get; }

    /// <summary>
    /// Starts Azurite, then the silos, then the web nodes, each waited for until healthy. <paramref name="siloSlots"/>
    /// (at least <paramref name="silos"/>) reserves ports for silos a test adds later with <see cref="StartSiloAsync"/>.
    /// With a <paramref name="network"/>, each silo runs in its own network namespace and Azurite listens on the bridge.
    /// With <paramref name="ownQueueStorage"/>, the streams' queues are served by an Azurite process of their own.
    /// </summary>
    public static async Task<ProcessCluster> StartAsync(
        int silos, int webs, IReadOnlyDictionary<string, string>? siloSettings = null, bool loadBalancer = false, int siloSlots = 0,
        IReadOnlyDictionary<string, string>? webSettings = null, SiloNetwork? network = null, bool ownQueueStorage = false)
    {
        var host = network?.HostAddress ?? "127.0.0.1";
        var azurite = await AzuriteProcess.StartAsync(host);
        var queueStorage = ownQueueStorage ? await AzuriteProcess.StartQueuesAsync(host) : null;
        var cluster = new ProcessCluster(azurite, queueStorage, Math.Max(silos, siloSlots), webs, siloSettings, loadBalancer, webSettings, network);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, silos).Select(cluster.StartSiloAsync));
            // The first web node creates the shared key ring on fresh storage; the others then read it as they start.
            await cluster.StartWebAsync(0, cluster.WebNodes[0]);
            await Task.WhenAll(cluster.WebNodes.Skip(1).Select((uri, i) => cluster.StartWebAsync(i + 1, uri)));
            if (cluster.LoadBalancer is { } entry)
            {
                await cluster.StartLoadBalancerAsync(entry);
            }
        }
        catch
        {
            // xunit does not call DisposeAsync when InitializeAsync fails: stop what did start.
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public NodeProcess Node(string name)
    {
        lock (_nodes)
        {
            return _nodes.Single(n => n.Name == name);
        }
    }

    /// <summary>True when node <paramref name="name"/> was started and has not exited since.</summary>
    public bool IsRunning(string name)
    {
        lock (_nodes)
        {
            return _nodes.Any(n => n.Name == name && !n.HasExited);
        }
    }

    public int SiloSlots => _siloPorts.Length;

    /// <summary>Starts silo <paramref name="index"/> (again, after a kill) on its ports and waits until it is healthy.</summary>
    public async Task StartSiloAsync(int index)
    {
        var (silo, gateway, http) = _siloPorts[index];
        var address = _network?.Address(index) ?? "127.0.0.1";
        var node = NodeProcess.Start("Silo", $"silo-{index}", new Dictionary<string, string>(_environment.Concat(SiloSettings))
        {
            ["Urls"] = $"http://{address}:{http}",
            ["Conversations__Silo__SiloPort"] = silo.ToString(),
            ["Conversations__Silo__GatewayPort"] = gateway.ToString(),
            ["Conversations__Silo__AdvertisedAddress"] = address,
        }, _network?.Namespace(index));
        Replace(node);
        await node.WaitHealthyAsync(new Uri($"http://{address}:{http}/health"), TimeSpan.FromSeconds(90));
    }

    /// <summary>Starts web node <paramref name="index"/> (again, after a stop) on its port and waits until it is healthy.</summary>
    public Task StartWebAsync(int index) => StartWebAsync(index, WebNodes[index]);

    private async Task StartWebAsync(int index, Uri uri)
    {
        var node = NodeProcess.Start("Web", $"web-{index}", new Dictionary<string, string>(_environment.Concat(WebSettings))
        {
            ["Urls"] = uri.ToString().TrimEnd('/'),
            ["Conversations__Seed__PropertyId"] = Property,
            ["Conversations__Seed__AdminEmail"] = AdminEmail,
            ["Conversations__Seed__AdminPassword"] = AdminPassword,
        });
        Replace(node);
        await node.WaitHealthyAsync(new Uri(uri, "/health"), TimeSpan.FromSeconds(90));
    }

    private void Replace(NodeProcess node)
    {
        List<NodeProcess> previous;
        lock (_nodes)
        {
            previous = _nodes.Where(n => n.Name == node.Name).ToList();
            _nodes.RemoveAll(n => n.Name == node.Name);
            _nodes.Add(node);
        }

        foreach (var old in previous)
        {
            _ = old.DisposeAsync(); // already stopped or killed; this closes its log
        }
    }

    private async Task StartLoadBalancerAsync(Uri entry)
    {
        var node = NodeProcess.Start("LoadBalancer", "load-balancer", new Dictionary<string, string>(
            WebNodes.Select((uri, i) => KeyValuePair.Create($"LoadBalancer__WebNodes__{i}", uri.ToString().TrimEnd('/'))))
        {
            ["Urls"] = entry.ToString().TrimEnd('/'),
            ["LoadBalancer__HealthCheckInterval"] = "00:00:01",
        });
        lock (_nodes)
        {
            _nodes.Add(node);
        }

        await node.WaitHealthyAsync(new Uri(entry, "/health"), TimeSpan.FromSeconds(60));
    }

    /// <summary>An HTTP client signed in as the admin on <paramref name="node"/>, sharing <paramref name="cookies"/> when given.</summary>
    public static async Task<HttpClient> SignInAsync(Uri node, CookieContainer? cookies = null)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = node, Timeout = TimeSpan.FromSeconds(60) };
        (await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = AdminEmail, password = AdminPassword })).EnsureSuccessStatusCode();
        return http;
    }

    /// <summary>A widget session on web node <paramref name="index"/> (mod the node count) with its chat started.</summary>
    public async Task<KillTestVisitor> ConnectVisitorAsync(int index) => await ConnectVisitorAsync(index, TimeSpan.FromMilliseconds(300));

    /// <summary>
    /// As <see cref="ConnectVisitorAsync(int)"/>, for a visitor that pauses <paramref name="pause"/> between messages and
    /// <paramref name="retryDelay"/> before retrying one.
    /// </summary>
    public async Task<KillTestVisitor> ConnectVisitorAsync(int index, TimeSpan pause, TimeSpan? retryDelay = null)
    {
        var session = await StartSessionAsync(index);
        var visitor = new KillTestVisitor(session, new FailoverClient(WebNodes, index, VisitorHub.Path), pause, retryDelay);
        await visitor.StartAsync();
        return visitor;
    }

    /// <summary>
    /// POST /api/v1/widget/sessions as the widget does it: a node that is down, starting or briefly unavailable (503, 429
    /// with Retry-After) is retried, on the next node. Reading a refusal's ProblemDetails as a session gave a session
    /// without a property id, which StartChat then refused as "'propertyId' is not a valid property id".
    /// </summary>
    public async Task<VisitorSession> StartSessionAsync(int index)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var http = new HttpClient { BaseAddress = WebNodes[(index + attempt) % WebNodes.Count], Timeout = TimeSpan.FromSeconds(20) };
            try
            {
                using var response = await http.PostAsJsonAsync("/api/v1/widget/sessions", new { propertyId = Property });
                if (response.IsSuccessStatusCode)
                {
                    return (await response.Content.ReadFromJsonAsync<VisitorSession>())!;
                }

                if (attempt >= 40 || response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.InternalServerError))
                {
                    throw new InvalidOperationException($"Starting a visitor session answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (Exception e) when (attempt < 40 && e is HttpRequestException { StatusCode: null } or TaskCanceledException)
            {
                // node down or not yet listening: the next one
            }

            await Task.Delay(250);
        }
    }

    /// <summary>A new agent of the property (role Agent) added by the admin, with the cookies of its sign-in on <paramref name="node"/>.</summary>
    public static async Task<(Guid Id, CookieContainer Cookies)> NewSignedInAgentAsync(HttpClient admin, Uri node, string name)
    {
        var email = $"agent-{Guid.NewGuid():N}@process.test";
        var password = "agent-password-" + Guid.NewGuid().ToString("N")[..8];
        var added = await admin.PostAsJsonAsync($"/api/v1/properties/{Property}/agents", new { email, name, password, role = "Agent" });
        added.EnsureSuccessStatusCode();
        var agent = (await added.Content.ReadFromJsonAsync<Conversations.Web.Properties.PropertyAgent>(Json))!;
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = node };
        (await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password })).EnsureSuccessStatusCode();
        return (agent.Id, cookies);
    }

    /// <summary>An admin console on web node <paramref name="index"/> (failing over to the others) recording every message it sees live.</summary>
    public async Task<FailoverClient> ConnectAgentAsync(int index, ConcurrentDictionary<(Guid Chat, string Command), bool> seen)
    {
        var cookies = new CookieContainer();
        using (await SignInAsync(WebNodes[index % WebNodes.Count], cookies))
        {
            // one sign-in: the web nodes share the key ring, so its cookie holds on every node
        }

        var client = new FailoverClient(WebNodes, index, AgentHub.Path, o => o.Cookies = cookies);
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

    /// <summary>An agent hub connection (not started) to <paramref name="node"/> with the cookies of a sign-in.</summary>
    public static HubConnection AgentHubConnection(Uri node, CookieContainer cookies) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(node, Conversations.Web.Realtime.AgentHub.Path), o => o.Cookies = cookies)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();

    /// <summary>
    /// Every stored message of a chat, read back through the REST API, page after page (a page holds at most 1,000); a
    /// "briefly unavailable" answer (a cluster still settling after a fault) is retried, as every client does.
    /// </summary>
    public static async Task<List<ConversationMessage>> StoredMessagesAsync(HttpClient admin, Guid chatId)
    {
        const int PageSize = 1000;
        var messages = new List<ConversationMessage>();
        var unavailable = 0;
        while (true)
        {
            var after = messages.Count == 0 ? 0 : messages[^1].Sequence;
            var uri = $"/api/v1/properties/{Property}/chats/{chatId}/messages?after={after}&limit={PageSize}";
            using var response = await admin.GetAsync(uri);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && ++unavailable < 30)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                continue;
            }

            response.EnsureSuccessStatusCode();
            var page = (await response.Content.ReadFromJsonAsync<List<ConversationMessage>>(Json))!;
            messages.AddRange(page);
            if (page.Count < PageSize)
            {
                return messages;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await Azurite.DisposeAsync();
        if (QueueStorage is not null)
        {
            await QueueStorage.DisposeAsync();
        }
    }
}
