using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Conversations.Tests.Web;

/// <summary>Removing an agent from a property ends their access in flight, on every web node (ADM-4, OPS-2).</summary>
[Collection(WebCollection.Name)]
public sealed class AccessRevocationTests(WebFixture fixture, ITestOutputHelper output)
{
    [Fact, Trait("Spec", "ADM-4"), Trait("Spec", "X-3")]
    public async Task ADM4_a_removed_agents_open_console_stops_receiving_events_and_its_next_hub_call_is_refused()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var agent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        var property = admin.PropertyId;
        await using var adminHub = await admin.ConnectHubAsync(AgentHub.Path);
        await using var agentHub = await agent.ConnectHubAsync(AgentHub.Path);
        var witness = await ConsoleFeed.JoinAsync(adminHub, property);
        var feed = await ConsoleFeed.JoinAsync(agentHub, property);
        var before = await StartChatAsync(property);
        await feed.WaitForAsync(before);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/v1/properties/{property}/agents/{agent.AgentId}")).StatusCode);

        Assert.Equal(property, await feed.RevokedAsync(TimeSpan.FromSeconds(5)));
        var after = await StartChatAsync(property);
        await witness.WaitForAsync(after);
        await AssertRefusedAsync(agentHub, property);
        Assert.DoesNotContain(after, feed.Conversations);
    }

    [Fact, Trait("Spec", "ADM-4"), Trait("Spec", "X-2")]
    public async Task ADM4_a_removed_agents_next_rest_call_is_refused_with_the_session_cookie_and_with_an_api_token()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var agent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        var created = await (await agent.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "script" })).Content.ReadFromJsonAsync<JsonElement>();
        using var bearer = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", created.GetProperty("secret").GetString());
        var inbox = $"/api/v1/properties/{admin.PropertyId}/inbox";

        // Both have just been let in, so the web node holds the agent's role.
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.GetAsync(inbox)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync(inbox)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/v1/properties/{admin.PropertyId}/agents/{agent.AgentId}")).StatusCode);

        foreach (var http in new[] { agent.Http, bearer })
        {
            var refused = await http.GetAsync(inbox);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var reply = await http.PostAsJsonAsync($"/api/v1/properties/{admin.PropertyId}/tickets",
                new { subject = "After removal", requesterEmail = "ann@example.com" });
            Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        }

        var me = await agent.Http.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Empty(me.GetProperty("memberships").EnumerateArray());
    }

    [Fact, Trait("Spec", "ADM-4"), Trait("Spec", "ADM-3")]
    public async Task ADM4_a_removed_agent_leaves_every_department_of_the_property()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var agent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        var departments = $"/api/v1/properties/{admin.PropertyId}/departments";
        var both = await PropertyTeam.NewDepartmentAsync(fixture.Cluster.Client, admin.PropertyId, admin.AgentId, agent.AgentId);
        var alone = await PropertyTeam.NewDepartmentAsync(fixture.Cluster.Client, admin.PropertyId, agent.AgentId);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/v1/properties/{admin.PropertyId}/agents/{agent.AgentId}")).StatusCode);

        var members = (await admin.Http.GetFromJsonAsync<JsonElement>(departments)).EnumerateArray()
            .ToDictionary(d => d.GetProperty("id").GetGuid(), d => d.GetProperty("members").EnumerateArray().Select(m => m.GetGuid()).ToList());
        Assert.Equal([admin.AgentId], members[both]);
        Assert.Empty(members[alone]);
        var readd = await admin.Http.PutAsJsonAsync($"{departments}/{alone}/members", new { agentIds = new[] { agent.AgentId } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, readd.StatusCode);
    }

    [Fact, Trait("Spec", "ADM-4"), Trait("Spec", "OPS-2")]
    public async Task OPS2_removing_an_agent_through_one_web_node_ends_their_feed_and_calls_on_another()
    {
        // The second node re-reads nothing by itself for an hour: only the cluster's announcement can reach it in time.
        var logs = new CapturedLogs(LogLevel.Warning);
        await using var other = ConversationsWebFactory.Start(fixture.Cluster.Settings, new()
        {
            ["Conversations:Access:RecheckPeriod"] = "01:00:00",
            ["Conversations:Access:RoleCacheLifetime"] = "01:00:00",
        }, logs);
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var colleague = await SignedInAgent.CreateAsync(fixture.Cluster.Client, other, admin.PropertyId, PropertyRole.Agent);
        using var agent = await SignedInAgent.CreateAsync(fixture.Cluster.Client, other, admin.PropertyId, PropertyRole.Agent);
        var property = admin.PropertyId;
        await using var colleagueHub = await colleague.ConnectHubAsync(AgentHub.Path);
        await using var agentHub = await agent.ConnectHubAsync(AgentHub.Path);
        var witness = await ConsoleFeed.JoinAsync(colleagueHub, property);
        var feed = await ConsoleFeed.JoinAsync(agentHub, property);
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.GetAsync($"/api/v1/properties/{property}/inbox")).StatusCode);

        var removing = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/v1/properties/{property}/agents/{agent.AgentId}")).StatusCode);
        var removed = removing.Elapsed;

        output.WriteLine(string.Join("\n", logs.Entries));
        Assert.Equal(property, await feed.RevokedAsync(TimeSpan.FromSeconds(10)));
        output.WriteLine($"Removal answered after {removed.TotalMilliseconds:F0} ms; the other node's console lost its feed after {removing.Elapsed.TotalMilliseconds:F0} ms.");
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"/api/v1/properties/{property}/inbox")).StatusCode);
        var after = await StartChatAsync(property);
        await witness.WaitForAsync(after);
        await AssertRefusedAsync(agentHub, property);
        Assert.DoesNotContain(after, feed.Conversations);
    }

    private async Task<Guid> StartChatAsync(string property)
    {
        var chatId = Guid.NewGuid();
        await fixture.Cluster.Client.GetGrain<IChatGrain>(chatId).StartAsync(new StartChat(property, "visitor-" + chatId.ToString("N")[..6], "Ann"));
        return chatId;
    }

    private static async Task AssertRefusedAsync(HubConnection hub, string property)
    {
        var calls = new Func<Task>[]
        {
            () => hub.InvokeAsync<InboxPage>("QueryInbox", property, new InboxQuery()),
            () => hub.InvokeAsync<object>("SendMessage", property, Guid.NewGuid(), "cmd-after", "still here?"),
            () => hub.InvokeAsync("JoinProperty", property),
        };
        foreach (var call in calls)
        {
            var refused = await Assert.ThrowsAsync<HubException>(call);
            Assert.Contains("NotFound", refused.Message);
        }
    }
}
