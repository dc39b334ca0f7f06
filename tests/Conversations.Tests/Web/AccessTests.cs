using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Access;
using Conversations.Web.Realtime;
using Conversations.Web.Visitors;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class AccessTests(WebFixture fixture)
{
    [Fact, Trait("Spec", "ADM-2")]
    public async Task ADM2_an_agent_signs_in_with_email_and_password_and_sees_their_properties()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);

        var me = await agent.Http.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(agent.Email, me.GetProperty("email").GetString());
        var membership = Assert.Single(me.GetProperty("memberships").EnumerateArray());
        Assert.Equal(agent.PropertyId, membership.GetProperty("propertyId").GetString());

        (await agent.Http.PostAsync("/api/v1/auth/sign-out", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.Http.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact, Trait("Spec", "ADM-4")]
    public async Task ADM4_two_agents_creating_the_same_property_id_at_once_make_one_admin_and_the_other_gets_a_conflict()
    {
        using var first = await SignedInAgent.CreateAsync(fixture);
        using var second = await SignedInAgent.CreateAsync(fixture);
        var id = "race-" + Guid.NewGuid().ToString("N")[..8];

        var answers = await Task.WhenAll(
            first.Http.PostAsJsonAsync("/api/v1/properties", new { id, name = "First" }),
            second.Http.PostAsJsonAsync("/api/v1/properties", new { id, name = "Second" }));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var winner = answers[0].StatusCode == HttpStatusCode.Created ? first : second;
        var loser = winner == first ? second : first;
        Assert.Equal(HttpStatusCode.Created, (await winner.Http.PostAsJsonAsync("/api/v1/properties", new { id, name = "Again" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await loser.Http.GetAsync($"/api/v1/properties/{id}/inbox")).StatusCode);
        var members = await winner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{id}/agents");
        Assert.Single(members.EnumerateArray());
    }

    [Fact, Trait("Spec", "ADM-2")]
    public async Task ADM2_a_wrong_password_and_an_unknown_email_get_the_same_clear_refusal()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        using var anonymous = new HttpClient { BaseAddress = fixture.Web.BaseAddress };

        var wrongPassword = await anonymous.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = agent.Email, password = "not-the-password" });
        var unknownEmail = await anonymous.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = "nobody@example.test", password = "whatever-it-is" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        var first = await wrongPassword.Content.ReadFromJsonAsync<JsonElement>();
        var second = await unknownEmail.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
    }

    [Fact, Trait("Spec", "ADM-2")]
    public async Task ADM2_five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        using var anonymous = new HttpClient { BaseAddress = fixture.Web.BaseAddress };

        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = agent.Email, password = "wrong-" + i });
        }

        var locked = await anonymous.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = agent.Email, password = SignedInAgent.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many failed sign-ins", (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact, Trait("Spec", "ADM-4")]
    public async Task ADM4_without_a_session_the_api_answers_401_and_the_agent_hub_refuses_the_connection()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/properties/demo/chats/{Guid.NewGuid()}")).StatusCode);

        var hub = new HubConnectionBuilder().WithUrl(new Uri(fixture.Web.BaseAddress, AgentHub.Path)).Build();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact, Trait("Spec", "ADM-2")]
    public async Task ADM2_an_agent_reads_the_property_but_only_an_admin_renames_it_or_adds_agents()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var agent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        var path = $"/api/v1/properties/{admin.PropertyId}";

        Assert.Equal(HttpStatusCode.OK, (await agent.Http.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.PutAsJsonAsync(path + "/name", new { name = "Mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync(path + "/name", new { name = "Renamed" })).StatusCode);

        var added = await admin.Http.PostAsJsonAsync(path + "/agents", new { email = "new-" + Guid.NewGuid().ToString("N")[..6] + "@example.test", name = "New Agent", password = "a-long-password", role = "Agent" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var agents = await admin.Http.GetFromJsonAsync<JsonElement>(path + "/agents");
        Assert.Equal(3, agents.GetArrayLength());
    }

    [Fact, Trait("Spec", "ADM-4")]
    public async Task ADM4_a_visitor_cannot_read_or_take_over_another_visitors_chat()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var chatId = Guid.NewGuid();
        await using var owner = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        await owner.StartChatAsync(chatId);
        await owner.SendAsync(chatId, "c1", "private");

        await using var other = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);

        Assert.Contains("NotFound", (await Assert.ThrowsAsync<HubException>(() => other.GetMessagesAsync(chatId))).Message);
        Assert.Contains("NotFound", (await Assert.ThrowsAsync<HubException>(() => other.StartChatAsync(chatId))).Message);
        Assert.Contains("NotFound", (await Assert.ThrowsAsync<HubException>(() => other.SendAsync(chatId, "c2", "hijack"))).Message);
        Assert.Equal(["private"], (await owner.GetMessagesAsync(chatId)).Select(m => m.Text));
    }

    [Fact, Trait("Spec", "ADM-4")]
    public async Task ADM4_a_forged_or_foreign_visitor_token_is_refused()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        using var other = await SignedInAgent.CreateAsync(fixture);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var token = visitor.Session.VisitorToken;
        var forged = token[..^4] + (token.EndsWith("aaaa", StringComparison.Ordinal) ? "bbbb" : "aaaa");

        foreach (var (property, badToken) in new[] { (agent.PropertyId, forged), (other.PropertyId, token), (agent.PropertyId, "v1.someone-else." + token.Split('.')[2]) })
        {
            var error = await Assert.ThrowsAsync<HubException>(() =>
                visitor.Hub.InvokeAsync<ChatView>("StartChat", property, badToken, Guid.NewGuid(), null));
            Assert.Contains("visitor token is not valid", error.Message);
        }
    }

    [Fact, Trait("Spec", "ADM-4")]
    public async Task ADM4_a_site_verified_user_is_the_same_visitor_everywhere_and_a_wrong_hash_is_refused()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var secrets = await fixture.Cluster.Client.GetGrain<IPropertyGrain>(agent.PropertyId).GetSecretsAsync();
        var hash = VisitorTokens.Sign(secrets.IdentitySecret, "user-42");
        using var http = new HttpClient { BaseAddress = fixture.Web.BaseAddress };

        var first = await (await http.PostAsJsonAsync("/api/v1/widget/sessions", new { propertyId = agent.PropertyId, userId = "user-42", userHash = hash }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await http.PostAsJsonAsync("/api/v1/widget/sessions", new { propertyId = agent.PropertyId, userId = "user-42", userHash = hash.ToUpperInvariant() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var wrong = await http.PostAsJsonAsync("/api/v1/widget/sessions", new { propertyId = agent.PropertyId, userId = "user-42", userHash = VisitorTokens.Sign(secrets.IdentitySecret, "user-43") });

        Assert.True(first.GetProperty("verified").GetBoolean());
        Assert.Equal(first.GetProperty("visitorId").GetString(), second.GetProperty("visitorId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    [Fact, Trait("Spec", "ADM-2"), Trait("Spec", "X-2")]
    public async Task ADM2_a_personal_api_token_works_as_a_bearer_until_it_is_revoked()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var created = await (await agent.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "CI script" })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        var tokenId = created.GetProperty("info").GetProperty("id").GetGuid();

        using var bearer = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync($"/api/v1/properties/{agent.PropertyId}")).StatusCode);
        var listed = await agent.Http.GetStringAsync("/api/v1/me/tokens");
        Assert.Contains("CI script", listed);
        Assert.DoesNotContain(secret, listed);

        Assert.Equal(HttpStatusCode.NoContent, (await agent.Http.DeleteAsync($"/api/v1/me/tokens/{tokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync($"/api/v1/properties/{agent.PropertyId}")).StatusCode);

        bearer.DefaultRequestHeaders.Authorization = new("Bearer", "cvt_forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact, Trait("Spec", "ADM-2")]
    public async Task ADM2_concurrent_creations_of_one_address_make_one_agent_and_nobody_resets_an_existing_password()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        var provisioning = fixture.Web.Services.GetRequiredService<AgentProvisioning>();
        var email = $"twice-{Guid.NewGuid():N}@example.test";

        var agents = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            provisioning.ProvisionAsync(admin.PropertyId, email, "Twice", "first-password", PropertyRole.Agent, ignorePasswordOfExisting: true)));
        Assert.Single(agents.Select(a => a.Id).Distinct());

        var reset = await admin.Http.PostAsJsonAsync($"/api/v1/properties/{admin.PropertyId}/agents",
            new { email, name = "Twice", password = "attacker-password", role = "Agent" });
        Assert.Equal(HttpStatusCode.Conflict, reset.StatusCode);
        using var anonymous = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = "first-password" })).StatusCode);
    }
}
