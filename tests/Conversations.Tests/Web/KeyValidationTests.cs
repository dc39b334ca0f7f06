using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Fuzz;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Conversations.Web.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Tests.Web;

/// <summary>
/// Every id that becomes a storage key is checked at the edge (route, query, body, hub argument): a bad one answers
/// 422 with a message naming the field and the rule, never a 500 from storage, and never reaches a grain.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class KeyValidationTests(WebFixture fixture)
{
    /// <summary>
    /// Ids that no table can hold, or that Orleans would store under another id's row (a lone surrogate never arrives:
    /// ASP.NET Core reads it from JSON as U+FFFD; TableKeysTests covers it).
    /// </summary>
    public static readonly TheoryData<string> BadKeys = new()
    {
        "", " ", "\r\n", "\t", " padded ", new string('a', 40_000), "a/b", "a\\b", "a#b", "a?b", "a\0b", "\u202Eevil", "\u0085",
    };

    [Theory, Trait("Spec", "ADM-1"), Trait("Spec", "X-1")]
    [MemberData(nameof(BadKeys))]
    public async Task ADM1_creating_a_property_with_an_id_storage_cannot_hold_answers_422(string id)
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);

        var response = await agent.Http.PostAsync("/api/v1/properties", Fields(("id", id), ("name", "Shop")));

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("property id", problem);
        Assert.True(problem.Length < 1_000, "The refusal must not echo the id back.");
    }

    [Fact, Trait("Spec", "ADM-1"), Trait("Spec", "X-1")]
    public async Task ADM1_creating_a_property_without_an_id_answers_422()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);

        var response = await agent.Http.PostAsync("/api/v1/properties", Body(new { name = "Shop" }));

        Assert.Contains("property id", await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity));
    }

    [Theory, Trait("Spec", "X-1")]
    [MemberData(nameof(BadKeys))]
    public async Task X1_a_widget_session_for_a_property_id_storage_cannot_hold_answers_422(string propertyId)
    {
        using var http = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/widget/sessions") { Content = Fields(("propertyId", propertyId)) };
        request.Headers.Add("X-Forwarded-For", TestVisitor.UniqueAddress());

        var response = await http.SendAsync(request);

        Assert.Contains("property id", await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity));
    }

    /// <summary>Bad keys a URL path can carry (Kestrel itself refuses %00 and 40,000 characters; %2F stays "%2F" in a route value).</summary>
    public static readonly TheoryData<string> BadRouteKeys = new()
    {
        " ", "\r\n", "\t", " padded ", new string('a', 300), "a\\b", "a#b", "a?b", "\u202Eevil", "\u0085",
    };

    [Theory, Trait("Spec", "X-1"), Trait("Spec", "VIS-1")]
    [MemberData(nameof(BadRouteKeys))]
    public async Task X1_visitor_and_organization_ids_in_routes_are_checked_before_any_grain(string id)
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        var api = $"/api/v1/properties/{admin.PropertyId}";
        var escaped = Uri.EscapeDataString(id);

        Assert.Contains("'visitorId'", await AssertProblemAsync(await admin.Http.GetAsync($"{api}/visitors/{escaped}"), HttpStatusCode.UnprocessableEntity));
        Assert.Contains("'visitorId'", await AssertProblemAsync(await admin.Http.DeleteAsync($"{api}/bans/{escaped}"), HttpStatusCode.UnprocessableEntity));
        Assert.Contains("'organizationId'", await AssertProblemAsync(await admin.Http.GetAsync($"{api}/organizations/{escaped}"), HttpStatusCode.UnprocessableEntity));
    }

    [Theory, Trait("Spec", "X-1"), Trait("Spec", "CHAT-4")]
    [MemberData(nameof(BadKeys))]
    public async Task X1_visitor_and_organization_ids_in_bodies_are_checked_before_any_grain(string id)
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        var api = $"/api/v1/properties/{admin.PropertyId}";

        Assert.Contains("'visitorId'", await AssertProblemAsync(
            await admin.Http.PostAsync($"{api}/bans", Fields(("visitorId", id), ("reason", "spam"))), HttpStatusCode.UnprocessableEntity));
        Assert.Contains("'requesterVisitorId'", await AssertProblemAsync(
            await admin.Http.PostAsync($"{api}/tickets", Fields(("subject", "Hi"), ("requesterEmail", "ann@example.com"), ("requesterVisitorId", id))),
            HttpStatusCode.UnprocessableEntity));
        Assert.Contains("'organizationId'", await AssertProblemAsync(
            await admin.Http.PutAsync($"{api}/visitors/v-{Guid.NewGuid():N}/organization", Fields(("organizationId", id))),
            HttpStatusCode.UnprocessableEntity));
    }

    [Fact, Trait("Spec", "ADM-4")]
    public async Task ADM4_a_bad_key_sent_to_another_property_still_answers_404()
    {
        using var outsider = await SignedInAgent.CreateAsync(fixture);
        using var owner = await SignedInAgent.CreateAsync(fixture);

        var response = await outsider.Http.PostAsync($"/api/v1/properties/{owner.PropertyId}/bans", Body(new { visitorId = "a#b" }));

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact, Trait("Spec", "ADM-2"), Trait("Spec", "ADM-4")]
    public async Task ADM2_an_email_storage_would_file_under_another_account_is_refused_instead_of_adding_that_account()
    {
        // Orleans stores the grain of "ann#x@…" in the row of "ann_x@…": adding the first would add the second's account.
        using var victim = await SignedInAgent.CreateAsync(fixture);
        var victimEmail = $"ann_{Guid.NewGuid():N}@example.test";
        await fixture.Web.Services.GetRequiredService<Conversations.Web.Access.AgentProvisioning>()
            .ProvisionAsync(victim.PropertyId, victimEmail, "Ann", SignedInAgent.Password, PropertyRole.Agent);
        using var attacker = await SignedInAgent.CreateAsync(fixture);

        var added = await attacker.Http.PostAsync($"/api/v1/properties/{attacker.PropertyId}/agents",
            Body(new { email = victimEmail.Replace("ann_", "ann#", StringComparison.Ordinal), name = "Ann", role = "Agent" }));

        Assert.Contains("/ \\\\ # or ?", await AssertProblemAsync(added, HttpStatusCode.UnprocessableEntity));
        var members = await attacker.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{attacker.PropertyId}/agents");
        Assert.DoesNotContain(members.EnumerateArray(), m => m.GetProperty("email").GetString()!.StartsWith("ann", StringComparison.Ordinal));

        var signIn = await new HttpClient { BaseAddress = fixture.Web.BaseAddress }.PostAsJsonAsync("/api/v1/auth/sign-in",
            new { email = victimEmail.Replace("ann_", "ann?", StringComparison.Ordinal), password = SignedInAgent.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Fact, Trait("Spec", "ADM-1")]
    public async Task ADM1_a_support_address_storage_would_file_under_another_is_refused()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);

        var response = await agent.Http.PostAsync("/api/v1/properties",
            Body(new { id = "p-" + Guid.NewGuid().ToString("N")[..10], name = "Shop", supportEmail = "help#desk@example.test" }));

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
    }

    [Theory, Trait("Spec", "X-1"), Trait("Spec", "X-3")]
    [InlineData(""), InlineData(" "), InlineData("\r\n"), InlineData("a#b"), InlineData("Shop")]
    public async Task X1_hub_methods_refuse_a_malformed_property_id_as_invalid(string propertyId)
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var agentHub = await agent.ConnectHubAsync(AgentHub.Path);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);

        var joined = await Assert.ThrowsAsync<HubException>(() => agentHub.InvokeAsync("JoinProperty", propertyId));
        var started = await Assert.ThrowsAsync<HubException>(() =>
            visitor.Hub.InvokeAsync<object>("StartChat", propertyId, visitor.Session.VisitorToken, Guid.NewGuid(), "Ann"));

        Assert.Contains("Invalid: 'propertyId'", joined.Message);
        Assert.Contains("Invalid: 'propertyId'", started.Message);
    }

    [Fact, Trait("Spec", "INB-4"), Trait("Spec", "X-3")]
    public async Task INB4_an_inbox_query_over_the_agent_hub_is_checked_like_the_rest_one()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var hub = await agent.ConnectHubAsync(AgentHub.Path);

        var nullTag = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("QueryInbox", agent.PropertyId,
            JsonDocument.Parse("{\"tags\":[\"vip\",null]}").RootElement));
        var unknownView = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("QueryInbox", agent.PropertyId,
            JsonDocument.Parse("{\"view\":9}").RootElement));

        var noQuery = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("QueryInbox", agent.PropertyId, null));

        Assert.Contains("Invalid:", nullTag.Message);
        Assert.Contains("Invalid:", unknownView.Message);
        Assert.Contains("Invalid:", noQuery.Message);
    }

    [Fact, Trait("Spec", "X-1"), Trait("Spec", "X-2")]
    public void X1_every_api_endpoint_checks_its_keys()
    {
        var endpoints = fixture.Web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .ToList();

        var missing = endpoints.Where(e => e.Metadata.GetMetadata<KeysChecked>() is null).Select(e => e.RoutePattern.RawText).ToList();

        Assert.True(endpoints.Count > 50, $"Only {endpoints.Count} API endpoints were found.");
        Assert.True(missing.Count == 0, "Endpoints without the key check: " + string.Join(", ", missing));
    }

    private static StringContent Body(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    /// <summary>A JSON object of string fields written as given (System.Text.Json would turn a lone surrogate into U+FFFD).</summary>
    private static StringContent Fields(params (string Name, string Value)[] fields) =>
        new(JsonText.Object(fields.Select(f => (f.Name, JsonText.Quote(f.Value)))), Encoding.UTF8, "application/json");

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return text;
    }
}
