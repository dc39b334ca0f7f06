using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Web;

/// <summary>An assignee is a member agent or a department of the conversation's own property (ADM-4, TIC-6), over REST.</summary>
[Collection(WebCollection.Name)]
public sealed class AssigneeTests(WebFixture fixture) : IAsyncLifetime
{
    private SignedInAgent _admin = null!;
    private string _chat = "";
    private string _ticket = "";

    public async Task InitializeAsync()
    {
        _admin = await SignedInAgent.CreateAsync(fixture);
        var chatId = Guid.NewGuid();
        await fixture.Cluster.Client.GetGrain<IChatGrain>(chatId).StartAsync(new StartChat(_admin.PropertyId, "visitor-1", "Ann"));
        var ticketId = Guid.NewGuid();
        (await _admin.Http.PostAsJsonAsync($"/api/v1/properties/{_admin.PropertyId}/tickets",
            new { ticketId, subject = "Refund", requesterEmail = "ann@example.com", text = "Card number inside" })).EnsureSuccessStatusCode();
        _chat = $"/api/v1/properties/{_admin.PropertyId}/chats/{chatId}/assignee";
        _ticket = $"/api/v1/properties/{_admin.PropertyId}/tickets/{ticketId}/assignee";
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact, Trait("Spec", "ADM-4"), Trait("Spec", "TIC-6")]
    public async Task ADM4_assigning_an_agent_or_department_of_another_property_is_refused_with_422()
    {
        using var foreigner = await SignedInAgent.CreateAsync(fixture);
        var foreignDepartment = await PropertyTeam.NewDepartmentAsync(fixture.Cluster.Client, foreigner.PropertyId, foreigner.AgentId);

        foreach (var path in new[] { _chat, _ticket })
        {
            await AssertRefusedAsync(path, "Agent", foreigner.AgentId.ToString(), "not an agent of this property");
            await AssertRefusedAsync(path, "Department", foreignDepartment.ToString(), "not a department of this property");
        }
    }

    [Fact, Trait("Spec", "TIC-6"), Trait("Spec", "X-1")]
    public async Task TIC6_assigning_a_nonexistent_agent_or_department_is_refused_with_422()
    {
        // An agent id used as a department (and the reverse) is as unknown as a made-up one.
        foreach (var path in new[] { _chat, _ticket })
        {
            await AssertRefusedAsync(path, "Agent", Guid.NewGuid().ToString(), "not an agent of this property");
            await AssertRefusedAsync(path, "Agent", "agent-7", "not an agent of this property");
            await AssertRefusedAsync(path, "Department", Guid.NewGuid().ToString(), "not a department of this property");
            await AssertRefusedAsync(path, "Department", _admin.AgentId.ToString(), "not a department of this property");
        }
    }

    [Fact, Trait("Spec", "TIC-6"), Trait("Spec", "ADM-3")]
    public async Task TIC6_a_member_agent_and_a_department_of_the_property_are_accepted()
    {
        var colleague = await PropertyTeam.NewAgentAsync(fixture.Cluster.Client, _admin.PropertyId);
        var department = await PropertyTeam.NewDepartmentAsync(fixture.Cluster.Client, _admin.PropertyId, colleague.Id);

        foreach (var path in new[] { _chat, _ticket })
        {
            var toAgent = await _admin.Http.PostAsJsonAsync(path, new { kind = "Agent", assigneeId = colleague.Id.ToString("N").ToUpperInvariant() });
            Assert.Equal(HttpStatusCode.OK, toAgent.StatusCode);
            var change = await toAgent.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(colleague.Id.ToString(), change.GetProperty("assignee").GetProperty("id").GetString());
            Assert.False(change.GetProperty("closed").GetBoolean());

            var toDepartment = await _admin.Http.PostAsJsonAsync(path, new { kind = "Department", assigneeId = department.ToString() });
            Assert.Equal(HttpStatusCode.OK, toDepartment.StatusCode);
            Assert.Equal(department.ToString(), (await toDepartment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignee").GetProperty("id").GetString());
        }
    }

    private async Task AssertRefusedAsync(string path, string kind, string assigneeId, string reason)
    {
        var before = await AssigneeAsync(path);
        var response = await _admin.Http.PostAsJsonAsync(path, new { kind, assigneeId });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, await AssigneeAsync(path));
    }

    private async Task<string> AssigneeAsync(string assigneePath)
    {
        var view = await _admin.Http.GetFromJsonAsync<JsonElement>(assigneePath[..^"/assignee".Length]);
        return view.GetProperty("assignee").GetRawText();
    }
}
