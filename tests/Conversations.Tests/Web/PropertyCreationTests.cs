using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class PropertyCreationTests(WebFixture fixture)
{
    /// <summary>
    /// Found by the fuzzer: a creation refused for its name or support address still gave the creator a membership of
    /// a property that never came to exist, and from then on their console failed to connect (presence went to it).
    /// </summary>
    [Theory, Trait("Spec", "ADM-1"), Trait("Spec", "ADM-2")]
    [InlineData("", null)]
    [InlineData("Shop", "not an address")]
    public async Task ADM1_a_refused_property_creation_leaves_no_membership_and_the_console_still_connects(string name, string? supportEmail)
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var id = "p-" + Guid.NewGuid().ToString("N")[..10];

        var created = await agent.Http.PostAsJsonAsync("/api/v1/properties", new { id, name, supportEmail });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
        var me = await agent.Http.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.DoesNotContain(me.GetProperty("memberships").EnumerateArray(), m => m.GetProperty("propertyId").GetString() == id);
        await using var console = await agent.ConnectHubAsync(AgentHub.Path);
        Assert.Equal(AgentPresence.Away, await console.InvokeAsync<AgentPresence>("SetPresence", AgentPresence.Away));
    }

    [Fact, Trait("Spec", "ADM-1")]
    public async Task ADM1_a_support_address_another_property_holds_is_refused_before_the_creator_joins()
    {
        using var holder = await SignedInAgent.CreateAsync(fixture);
        var address = $"help-{Guid.NewGuid():N}@example.test";
        Assert.Equal(HttpStatusCode.Created, (await holder.Http.PostAsJsonAsync("/api/v1/properties",
            new { id = "p-" + Guid.NewGuid().ToString("N")[..10], name = "First", supportEmail = address })).StatusCode);
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var id = "p-" + Guid.NewGuid().ToString("N")[..10];

        var created = await agent.Http.PostAsJsonAsync("/api/v1/properties", new { id, name = "Second", supportEmail = address });

        Assert.Equal(HttpStatusCode.Conflict, created.StatusCode);
        var me = await agent.Http.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.DoesNotContain(me.GetProperty("memberships").EnumerateArray(), m => m.GetProperty("propertyId").GetString() == id);
    }

    [Fact, Trait("Spec", "ADM-1")]
    public async Task ADM1_an_admin_edits_the_support_email_and_the_old_address_is_free_again_while_bad_or_taken_ones_are_refused()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var other = await SignedInAgent.CreateAsync(fixture);
        var path = $"/api/v1/properties/{admin.PropertyId}/support-email";
        var first = $"help-{Guid.NewGuid():N}@example.test";
        var second = $"Support-{Guid.NewGuid():N}@Example.test";

        var set = await admin.Http.PutAsJsonAsync(path, new { supportEmail = first });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(first, (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supportEmail").GetString());
        var changed = await admin.Http.PutAsJsonAsync(path, new { supportEmail = second });
        Assert.Equal(second.ToLowerInvariant(), (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supportEmail").GetString());

        // The first address is free again; the second belongs to the admin's property.
        var otherPath = $"/api/v1/properties/{other.PropertyId}/support-email";
        Assert.Equal(HttpStatusCode.OK, (await other.Http.PutAsJsonAsync(otherPath, new { supportEmail = first })).StatusCode);
        var taken = await other.Http.PutAsJsonAsync(otherPath, new { supportEmail = second });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("Another property", (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var invalid = await admin.Http.PutAsJsonAsync(path, new { supportEmail = "not an address" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var property = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{admin.PropertyId}");
        Assert.Equal(second.ToLowerInvariant(), property.GetProperty("supportEmail").GetString());

        using var agent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.PutAsJsonAsync(path, new { supportEmail = (string?)null })).StatusCode);
        var removed = await admin.Http.PutAsJsonAsync(path, new { supportEmail = (string?)null });
        Assert.Equal(JsonValueKind.Null, (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("supportEmail").ValueKind);
    }
}
