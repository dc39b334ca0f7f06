using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Web;

/// <summary>AUD-1 over REST: who did what to which target, before and after; append-only; filtered by admins.</summary>
[Collection(WebCollection.Name)]
public sealed class AuditApiTests(WebFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact, Trait("Spec", "AUD-1")]
    public async Task AUD1_admin_and_agent_actions_are_recorded_with_actor_before_and_after_and_a_purge_keeps_no_content()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var agent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        var p = $"/api/v1/properties/{admin.PropertyId}";

        var department = await (await admin.Http.PostAsJsonAsync($"{p}/departments", new { name = "Billing" })).Content.ReadFromJsonAsync<JsonElement>();
        var departmentId = department.GetProperty("id").GetGuid();
        (await admin.Http.PutAsJsonAsync($"{p}/departments/{departmentId}", new { name = "Billing & Refunds" })).EnsureSuccessStatusCode();

        var chatId = Guid.NewGuid();
        var chat = fixture.Cluster.Client.GetGrain<IChatGrain>(chatId);
        await chat.StartAsync(new StartChat(admin.PropertyId, "v1", "Ann"));
        await chat.PostMessageAsync(new PostMessage(admin.PropertyId, "m1", AuthorKind.Visitor, "v1", "Ann", "my secret order 4711"));
        (await agent.Http.PostAsJsonAsync($"{p}/chats/{chatId}/assignee", new { kind = "Agent", assigneeId = agent.AgentId.ToString() })).EnsureSuccessStatusCode();
        (await agent.Http.PostAsJsonAsync($"{p}/chats/{chatId}/tags", new { add = new[] { "vip" } })).EnsureSuccessStatusCode();
        (await admin.Http.PostAsync($"{p}/chats/{chatId}/trash", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PostAsync($"{p}/chats/{chatId}/purge", null)).StatusCode);

        var log = await WaitForAsync(admin, $"?target={chatId}", entries => entries.Count == 4);
        Assert.Equal(["conversation.purged", "conversation.moved", "conversation.tagged", "conversation.assigned"], log.Select(e => e.GetProperty("action").GetString()));
        var assigned = log[3];
        Assert.Equal(agent.AgentId.ToString(), assigned.GetProperty("actorId").GetString());
        Assert.Equal("none", assigned.GetProperty("before").GetString());
        Assert.Equal($"agent:{agent.AgentId}", assigned.GetProperty("after").GetString());
        Assert.Equal("", log[2].GetProperty("before").GetString());
        Assert.Equal("vip", log[2].GetProperty("after").GetString());
        Assert.Equal("trashed", log[0].GetProperty("before").GetString());
        Assert.Equal("purged", log[0].GetProperty("after").GetString());
        Assert.Equal(admin.AgentId.ToString(), log[0].GetProperty("actorId").GetString());

        var everything = await admin.Http.GetStringAsync($"{p}/audit?limit=200");
        Assert.DoesNotContain("4711", everything);
        Assert.DoesNotContain("Ann", everything);

        var renamed = await WaitForAsync(admin, "?action=department.renamed", entries => entries.Count == 1);
        Assert.Equal("Billing", renamed[0].GetProperty("before").GetString());
        Assert.Equal("Billing & Refunds", renamed[0].GetProperty("after").GetString());
        Assert.Equal(departmentId.ToString(), renamed[0].GetProperty("targetId").GetString());

        var byAgent = await EntriesAsync(admin, $"?actor={agent.AgentId}");
        Assert.All(byAgent, e => Assert.Equal(agent.AgentId.ToString(), e.GetProperty("actorId").GetString()));
        Assert.Equal(2, byAgent.Count);

        Assert.Empty(await EntriesAsync(admin, $"?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}"));
        Assert.NotEmpty(await EntriesAsync(admin, $"?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}"));
    }

    [Fact, Trait("Spec", "AUD-1"), Trait("Spec", "X-1")]
    public async Task AUD1_only_admins_read_the_log_no_route_changes_it_and_pages_continue()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var agent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        var path = $"/api/v1/properties/{admin.PropertyId}/audit";
        for (var i = 0; i < 3; i++)
        {
            (await admin.Http.PutAsJsonAsync($"/api/v1/properties/{admin.PropertyId}/name", new { name = $"Name {i}" })).EnsureSuccessStatusCode();
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.Http.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.Http.PostAsJsonAsync(path, new { action = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.Http.GetAsync(path + "?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.Http.GetAsync(path + "?continuation=%00bogus")).StatusCode);

        var first = await admin.Http.GetFromJsonAsync<JsonElement>(path + "?action=property.renamed&limit=2");
        Assert.Equal(2, first.GetProperty("entries").GetArrayLength());
        Assert.Equal("Name 2", first.GetProperty("entries")[0].GetProperty("after").GetString());
        var token = first.GetProperty("continuation").GetString();
        var second = await admin.Http.GetFromJsonAsync<JsonElement>($"{path}?action=property.renamed&limit=2&continuation={Uri.EscapeDataString(token!)}");
        Assert.Equal("Name 0", Assert.Single(second.GetProperty("entries").EnumerateArray()).GetProperty("after").GetString());
    }

    private static async Task<List<JsonElement>> EntriesAsync(SignedInAgent admin, string query) =>
        (await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{admin.PropertyId}/audit{query}")).GetProperty("entries").EnumerateArray().ToList();

    private static async Task<List<JsonElement>> WaitForAsync(SignedInAgent admin, string query, Func<List<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var entries = await EntriesAsync(admin, query);
            if (done(entries) || DateTime.UtcNow > deadline)
            {
                return entries;
            }

            await Task.Delay(100);
        }
    }
}
