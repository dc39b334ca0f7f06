using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// RTE-1 fairness on real processes: two silos and two web nodes, chats started on both at once. The chats' grains live on
/// either silo; the one routing grain of the property takes their events and decides, so no agent ever exceeds a capacity.
/// </summary>
[Trait("Category", "MultiProcess"), Collection(MultiProcessCollection.Name)]
public sealed class RoutingCapacityAcrossSilosTests(ITestOutputHelper output) : ProcessClusterTest
{
    private const int Agents = 3;
    private const int Capacity = 2;
    private const int Chats = 24;

    private static string Property => ProcessCluster.Property;

    protected override Task<ProcessCluster> StartClusterAsync() => ProcessCluster.StartAsync(silos: 2, webs: 2);

    [Fact, Trait("Spec", "RTE-1")]
    public async Task RTE1_many_simultaneous_chats_across_two_silos_never_push_an_agent_past_capacity()
    {
        using var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[0]);
        var consoles = new List<HubConnection>();
        try
        {
            for (var i = 0; i < Agents; i++)
            {
                consoles.Add(await OnlineAgentAsync(admin, Cluster.WebNodes[i % Cluster.WebNodes.Count], i));
            }

            (await admin.PutAsJsonAsync($"/api/v1/properties/{Property}/routing",
                new { enabled = true, defaultChatCapacity = Capacity, defaultTicketCapacity = 0, reassignAfterSeconds = 0, manualDepartments = Array.Empty<Guid>() }))
                .EnsureSuccessStatusCode();
            await EventuallyAsync(admin, r => r.GetProperty("agents").EnumerateArray().Count(a => a.GetProperty("online").GetBoolean()) == Agents, "every agent online");

            var visitors = await Task.WhenAll(Enumerable.Range(0, Chats).Select(i => TestVisitor.ConnectAsync(Cluster.WebNodes[i % Cluster.WebNodes.Count], Property)));
            var chats = visitors.Select(_ => Guid.NewGuid()).ToArray();
            var started = Stopwatch.StartNew();
            await Task.WhenAll(visitors.Select(async (visitor, i) =>
            {
                // As the widget does: a call refused as briefly unavailable (a loaded machine) is retried with the same ids.
                await HubRetry.WhileUnavailableAsync(() => visitor.StartChatAsync(chats[i], $"Visitor {i}"), attempt => attempt < 20);
                await HubRetry.WhileUnavailableAsync(() => visitor.SendAsync(chats[i], $"first-{i}", "Hello, anyone?"), attempt => attempt < 20);
            }));

            var routed = await EventuallyAsync(admin, r => Assigned(r) == Agents * Capacity && r.GetProperty("waiting").GetInt32() == Chats - Agents * Capacity,
                "every agent full and the rest waiting");
            output.WriteLine($"{Agents * Capacity} of {Chats} chats assigned and {Chats - Agents * Capacity} queued {started.ElapsedMilliseconds} ms after they were sent.");
            var assignees = await AssigneesAsync(admin, chats);
            AssertWithinCapacity(assignees, Agents * Capacity);
            Assert.All(routed.GetProperty("agents").EnumerateArray().Where(a => a.GetProperty("online").GetBoolean()), a => Assert.Equal(Capacity, a.GetProperty("chats").GetInt32()));

            // Every assigned chat closes at once, on both web nodes: the next ones in the queue take the places, and still nobody exceeds.
            var closing = chats.Where(c => assignees[c] is not null).ToList();
            await Task.WhenAll(closing.Select(async (chat, i) =>
            {
                using var http = await ProcessCluster.SignInAsync(Cluster.WebNodes[i % Cluster.WebNodes.Count]);
                (await http.PostAsync($"/api/v1/properties/{Property}/chats/{chat}/close", null)).EnsureSuccessStatusCode();
            }));
            await EventuallyAsync(admin, r => Assigned(r) == Agents * Capacity && r.GetProperty("waiting").GetInt32() == Chats - 2 * Agents * Capacity,
                "the next chats to take the freed places");
            var after = await AssigneesAsync(admin, chats.Except(closing).ToArray());
            AssertWithinCapacity(after, Agents * Capacity);

            foreach (var visitor in visitors)
            {
                await visitor.DisposeAsync();
            }
        }
        finally
        {
            foreach (var console in consoles)
            {
                await console.DisposeAsync();
            }
        }
    }

    private static int Assigned(JsonElement routing) => routing.GetProperty("agents").EnumerateArray().Sum(a => a.GetProperty("chats").GetInt32());

    private static void AssertWithinCapacity(Dictionary<Guid, string?> assignees, int expectedAssigned)
    {
        var perAgent = assignees.Values.OfType<string>().GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expectedAssigned, perAgent.Values.Sum());
        Assert.All(perAgent, p => Assert.True(p.Value <= Capacity, $"Agent {p.Key} holds {p.Value} chats, over the capacity of {Capacity}."));
    }

    private static async Task<Dictionary<Guid, string?>> AssigneesAsync(HttpClient admin, Guid[] chats)
    {
        var views = await Task.WhenAll(chats.Select(c => admin.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{Property}/chats/{c}")));
        return chats.Zip(views).ToDictionary(
            p => p.First,
            p => p.Second.TryGetProperty("assignee", out var a) && a.ValueKind == JsonValueKind.Object ? a.GetProperty("id").GetString() : null);
    }

    /// <summary>A new agent of the property, signed in with a console open on <paramref name="node"/>: online.</summary>
    private static async Task<HubConnection> OnlineAgentAsync(HttpClient admin, Uri node, int index)
    {
        var email = $"router-{index}-{Guid.NewGuid():N}@process.test";
        (await admin.PostAsJsonAsync($"/api/v1/properties/{Property}/agents", new { email, name = $"Router {index}", password = "router-agent-password", role = "Agent" }))
            .EnsureSuccessStatusCode();
        var cookies = new CookieContainer();
        using (var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = node })
        {
            (await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = "router-agent-password" })).EnsureSuccessStatusCode();
        }

        var console = new HubConnectionBuilder()
            .WithUrl(new Uri(node, AgentHub.Path), o => o.Cookies = cookies)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await console.StartAsync();
        await console.InvokeAsync("JoinProperty", Property);
        return console;
    }

    private static async Task<JsonElement> EventuallyAsync(HttpClient admin, Func<JsonElement, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var routing = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{Property}/routing");
            if (done(routing))
            {
                return routing;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}; routing: {routing}");
            await Task.Delay(250);
        }
    }
}
