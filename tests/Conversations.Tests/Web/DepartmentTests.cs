using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class DepartmentTests(WebFixture fixture)
{
    [Fact, Trait("Spec", "ADM-3")]
    public async Task ADM3_an_admin_creates_names_fills_and_deletes_a_department()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var agent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        var path = $"/api/v1/properties/{admin.PropertyId}/departments";

        var created = await admin.Http.PostAsJsonAsync(path, new { name = "  Billing\u0007 " });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync($"{path}/{id}", new { name = "Billing & Refunds" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync($"{path}/{id}/members", new { agentIds = new[] { admin.AgentId, agent.AgentId } })).StatusCode);

        var list = await agent.Http.GetFromJsonAsync<JsonElement>(path);
        var department = Assert.Single(list.EnumerateArray());
        Assert.Equal("Billing & Refunds", department.GetProperty("name").GetString());
        Assert.Equal(2, department.GetProperty("members").GetArrayLength());

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.DeleteAsync($"{path}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"{path}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"{path}/{id}")).StatusCode);
        Assert.Empty((await admin.Http.GetFromJsonAsync<JsonElement>(path)).EnumerateArray());
    }

    [Fact, Trait("Spec", "ADM-3")]
    public async Task ADM3_members_must_be_agents_of_the_property_and_names_are_required()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var stranger = await SignedInAgent.CreateAsync(fixture);
        var path = $"/api/v1/properties/{admin.PropertyId}/departments";

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.Http.PostAsJsonAsync(path, new { name = " " })).StatusCode);
        var created = await (await admin.Http.PostAsJsonAsync(path, new { name = "Sales" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        var refused = await admin.Http.PutAsJsonAsync($"{path}/{id}/members", new { agentIds = new[] { stranger.AgentId } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("not an agent of this property", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
