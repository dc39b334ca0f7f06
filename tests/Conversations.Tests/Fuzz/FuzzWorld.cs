using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Access;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Tests.Fuzz;

/// <summary>
/// The three properties the fuzzer works on. Its clients are an admin and an agent of the own property, an agent of
/// a third property (the foreign agent), anonymous callers and widget visitors of the own property. The foreign
/// property belongs to none of them; everything in it carries <see cref="Canary"/>, which no answer may ever contain.
/// </summary>
public sealed class FuzzWorld : IAsyncDisposable
{
    private readonly IClusterClient _cluster;
    private readonly ConversationsWebFactory _web;
    private readonly List<TestVisitor> _visitors = [];
    private readonly List<SignedInAgent> _agents = [];

    private FuzzWorld(IClusterClient cluster, ConversationsWebFactory web, FuzzPools pools, string canary)
    {
        _cluster = cluster;
        _web = web;
        Pools = pools;
        Canary = canary;
        Http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = web.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public string Canary { get; }

    public FuzzPools Pools { get; }

    /// <summary>One client for every role: credentials go on each request, and answers never change them (no cookie jar).</summary>
    public HttpClient Http { get; }

    public Uri BaseAddress => _web.BaseAddress;

    public SignedInAgent OwnAdmin { get; private set; } = null!;

    public SignedInAgent OwnAgent { get; private set; } = null!;

    public SignedInAgent ForeignAgent { get; private set; } = null!;

    /// <summary>The own agent's personal API token: it calls the REST API with it, and with its cookie on the hub.</summary>
    public string OwnAgentToken { get; private set; } = "";

    public IReadOnlyList<TestVisitor> Visitors => _visitors;

    public static async Task<FuzzWorld> CreateAsync(IClusterClient cluster, ConversationsWebFactory web, int seed)
    {
        var tag = new Random(seed).Next(0x10000000, int.MaxValue).ToString("x8");
        var pools = new FuzzPools("fz-own-" + tag, "fz-foreign-" + tag, "fz-other-" + tag);
        var world = new FuzzWorld(cluster, web, pools, "canary" + Guid.NewGuid().ToString("N")[..12]);
        await world.SeedOwnAsync();
        await world.SeedForeignAsync();
        world.ForeignAgent = await world.AgentAsync(pools.Other, PropertyRole.Admin);
        pools.Protect(world.ForeignAgent.AgentId.ToString());
        return world;
    }

    /// <summary>
    /// Puts the fuzzing clients back in their roles, should a fuzzed call have removed or demoted one. It asks first:
    /// setting a member calls the agent's grain from the property's, while an agent whose console connects or changes
    /// presence calls the property's grain from the agent's, and the two calls wait on each other until they time out.
    /// </summary>
    public async Task RepairAsync()
    {
        await RepairAsync(Pools.Own, OwnAdmin, PropertyRole.Admin);
        await RepairAsync(Pools.Own, OwnAgent, PropertyRole.Agent);
        await RepairAsync(Pools.Other, ForeignAgent, PropertyRole.Admin);
    }

    private async Task RepairAsync(string propertyId, SignedInAgent agent, PropertyRole role)
    {
        if (await _cluster.GetGrain<IAgentGrain>(agent.AgentId).GetRoleAsync(propertyId) != role)
        {
            await _cluster.GetGrain<IPropertyGrain>(propertyId).SetMemberAsync(agent.AgentId, role);
        }
    }

    /// <summary>The request headers that authenticate <paramref name="role"/>.</summary>
    public void Authenticate(HttpRequestMessage request, FuzzRole role)
    {
        switch (role)
        {
            case FuzzRole.Admin:
                request.Headers.Add("Cookie", OwnAdmin.Cookies.GetCookieHeader(BaseAddress));
                break;
            case FuzzRole.Agent:
                request.Headers.Authorization = new("Bearer", OwnAgentToken);
                break;
            case FuzzRole.ForeignAgent:
                request.Headers.Add("Cookie", ForeignAgent.Cookies.GetCookieHeader(BaseAddress));
                break;
        }
    }

    public async Task<HubConnection> ConnectAgentHubAsync(FuzzRole role, Action<string> onEvent)
    {
        var agent = role switch
        {
            FuzzRole.Admin => OwnAdmin,
            FuzzRole.Agent => OwnAgent,
            _ => ForeignAgent,
        };
        var connection = await agent.ConnectHubAsync(AgentHub.Path);
        Listen(connection, onEvent);
        await connection.InvokeAsync("JoinProperty", agent == ForeignAgent ? Pools.Other : Pools.Own);
        return connection;
    }

    public async Task<HubConnection> ConnectVisitorHubAsync(Action<string> onEvent)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, VisitorHub.Path), o => o.Headers["X-Forwarded-For"] = TestVisitor.UniqueAddress())
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        Listen(connection, onEvent);
        await connection.StartAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var visitor in _visitors)
        {
            await visitor.DisposeAsync();
        }

        foreach (var agent in _agents)
        {
            agent.Dispose();
        }

        Http.Dispose();
    }

    private static void Listen(HubConnection connection, Action<string> onEvent)
    {
        foreach (var method in new[] { RealtimeDelivery.EventMethod, RealtimeDelivery.PresenceMethod, TypingNotifier.Method })
        {
            connection.On<JsonElement>(method, e => onEvent(e.GetRawText()));
        }
    }

    private async Task SeedOwnAsync()
    {
        var own = Pools.Own;
        OwnAdmin = await AgentAsync(own, PropertyRole.Admin);
        OwnAgent = await AgentAsync(own, PropertyRole.Agent);
        Pools.Protect(OwnAdmin.AgentId.ToString());
        Pools.Protect(OwnAgent.AgentId.ToString());

        var token = await ReadAsync(await OwnAgent.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "fuzz" }));
        OwnAgentToken = token.GetProperty("secret").GetString()!;
        Pools.Protect(token.GetProperty("info").GetProperty("id").GetString()!);

        // Agents the fuzzer may remove, assign and put in departments.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var agent = await AgentAsync(own, PropertyRole.Agent);
            Pools.Agents.Add(agent.AgentId.ToString());
            Pools.Emails.Add(agent.Email); // signs in with SignedInAgent.Password, which the fuzzer tries
        }

        Pools.Agents.Add(OwnAdmin.AgentId.ToString());
        await SeedPropertyAsync(OwnAdmin, "", foreign: false);
        foreach (var visitor in _visitors.Where(v => v.PropertyId == own))
        {
            Pools.VisitorTokens.Add(visitor.Session.VisitorToken);
        }
    }

    private async Task SeedForeignAsync()
    {
        var admin = await AgentAsync(Pools.Foreign, PropertyRole.Admin);
        Pools.ForeignIds.Add(admin.AgentId.ToString());
        await ReadAsync(await admin.Http.PutAsJsonAsync($"/api/v1/properties/{Pools.Foreign}/name", new { name = "Property " + Canary }));
        await SeedPropertyAsync(admin, Canary, foreign: true);

        // The leak check means something only if the canary is there to leak: its own admin reads it.
        var inbox = await admin.Http.GetStringAsync($"/api/v1/properties/{Pools.Foreign}/inbox");
        if (!inbox.Contains(Canary, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The foreign property's inbox does not show the canary: " + inbox);
        }
    }

    /// <summary>
    /// Chats, a ticket, a department, a knowledge base, a shortcut, an organization and a ban; texts carry <paramref name="marker"/>.
    /// The ids go to the pools of their kind, or all to <see cref="FuzzPools.ForeignIds"/> for the <paramref name="foreign"/> property.
    /// </summary>
    private async Task SeedPropertyAsync(SignedInAgent admin, string marker, bool foreign)
    {
        StringPool Pool(StringPool ofKind) => foreign ? Pools.ForeignIds : ofKind;

        var property = admin.PropertyId;
        var http = admin.Http;
        var api = $"/api/v1/properties/{property}";
        foreach (var i in Enumerable.Range(0, 2))
        {
            var visitor = await TestVisitor.ConnectAsync(BaseAddress, property);
            _visitors.Add(visitor);
            var chatId = Guid.NewGuid();
            await visitor.StartChatAsync(chatId, $"Visitor {i} {marker}");
            await visitor.SendAsync(chatId, $"m-{i}", $"Hello {marker}");
            await visitor.Hub.InvokeAsync("TrackPageView", property, visitor.Session.VisitorToken, "https://example.com/" + marker, "Page " + marker);
            await ReadAsync(await http.PostAsJsonAsync($"{api}/chats/{chatId}/whispers", new { commandId = $"w-{i}", text = "Whisper " + marker }));
            await ReadAsync(await http.PostAsJsonAsync($"{api}/chats/{chatId}/tags", new { add = new[] { "seed", "tag" + marker } }));
            await ReadAsync(await http.PatchAsJsonAsync($"{api}/visitors/{visitor.Session.VisitorId}/about", new { name = "About " + marker, email = $"visitor{i}{marker}@example.test" }));
            Pool(Pools.Chats).Add(chatId.ToString());
            Pool(Pools.Visitors).Add(visitor.Session.VisitorId);
        }

        var ticket = await ReadAsync(await http.PostAsJsonAsync($"{api}/tickets", new
        {
            subject = "Subject " + marker, requesterEmail = $"requester{marker}@example.test", requesterName = "Requester " + marker, text = "Ticket text " + marker,
        }));
        Pool(Pools.Tickets).Add(ticket.GetProperty("id").GetString()!);

        var department = await ReadAsync(await http.PostAsJsonAsync($"{api}/departments", new { name = "Department " + marker }));
        Pool(Pools.Departments).Add(department.GetProperty("id").GetString()!);

        var knowledgeBase = await ReadAsync(await http.PostAsJsonAsync($"{api}/knowledge-bases", new { name = "Knowledge " + marker }));
        var knowledgeBaseId = knowledgeBase.GetProperty("id").GetString()!;
        Pool(Pools.KnowledgeBases).Add(knowledgeBaseId);
        var category = await ReadAsync(await http.PostAsJsonAsync($"{api}/knowledge-bases/{knowledgeBaseId}/categories", new { name = "Category " + marker }));
        Pool(Pools.Categories).Add(category.GetProperty("id").GetString()!);
        foreach (var status in new[] { "Published", "Draft" })
        {
            var article = await ReadAsync(await http.PostAsJsonAsync($"{api}/knowledge-bases/{knowledgeBaseId}/articles", new
            {
                title = $"Article {status} {marker}", slug = "article-" + status.ToLowerInvariant(), body = "Body " + marker, status,
                categoryId = category.GetProperty("id").GetString(),
            }));
            Pool(Pools.Articles).Add(article.GetProperty("id").GetString()!);
        }

        await ReadAsync(await http.PostAsJsonAsync($"{api}/shortcuts", new { name = "greeting", message = "Hello from " + (marker.Length > 0 ? marker : "us") }));
        Pools.Shortcuts.Add("greeting");

        var organization = await ReadAsync(await http.PostAsJsonAsync($"{api}/organizations", new { name = "Organization " + marker, domain = "example.com" }));
        var organizationId = organization.GetProperty("organizationId").GetString()!;
        Pool(Pools.Organizations).Add(organizationId);
        await ReadAsync(await http.PutAsJsonAsync($"{api}/visitors/{_visitors[^1].Session.VisitorId}/organization", new { organizationId }));
        await ReadAsync(await http.PostAsJsonAsync($"{api}/bans", new { visitorId = "v-banned-" + property, reason = "Ban " + marker }));
    }

    private async Task<SignedInAgent> AgentAsync(string propertyId, PropertyRole role)
    {
        var agent = await SignedInAgent.CreateAsync(_cluster, _web, propertyId, role);
        _agents.Add(agent);
        return agent;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding failed: {(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
