using System.Net;
using System.Net.Http.Json;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Visitors;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class VisitorProfileTests(WebFixture fixture)
{
    public const string LondonIp = "81.2.69.142";
    public const string FirefoxOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

    [Fact, Trait("Spec", "VIS-1"), Trait("Spec", "VIS-6")]
    public async Task VIS1_VIS6_about_fields_and_tags_are_edited_cleaned_and_bounded()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var url = VisitorUrl(agent, visitor);

        var profile = await ReadAsync(await agent.Http.PatchAsJsonAsync(url + "/about", new
        {
            name = "Ann <script>alert(1)</script>", email = " Ann@Example.COM ", phone = "+44 (20) 7946-0000",
            jobTitle = "CTO", userId = "user-42", tags = new[] { " VIP ", "vip", "Beta\u0007" },
        }));
        Assert.Equal("Ann <script>alert(1)</script>", profile.About.Name);
        Assert.Equal("ann@example.com", profile.About.Email);
        Assert.Equal(["vip", "beta"], profile.About.Tags);
        Assert.Equal("user-42", profile.About.UserId);

        profile = await ReadAsync(await agent.Http.PatchAsJsonAsync(url + "/about", new { phone = "" }));
        Assert.Null(profile.About.Phone);
        Assert.Equal("CTO", profile.About.JobTitle);

        await AssertRefusedAsync(await agent.Http.PatchAsJsonAsync(url + "/about", new { email = "not an email" }));
        await AssertRefusedAsync(await agent.Http.PatchAsJsonAsync(url + "/about", new { phone = "<b>1</b>" }));
        await AssertRefusedAsync(await agent.Http.PatchAsJsonAsync(url + "/about", new { tags = Enumerable.Range(0, 21).Select(i => $"t{i}") }));
        await AssertRefusedAsync(await agent.Http.PatchAsJsonAsync(url + "/about", new { name = new string('x', 101) }));
    }

    [Fact, Trait("Spec", "VIS-1")]
    public async Task VIS1_the_user_id_a_site_vouches_for_is_on_the_profile()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var secrets = await fixture.Cluster.Client.GetGrain<IPropertyGrain>(agent.PropertyId).GetSecretsAsync();
        using var http = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        var response = await http.PostAsJsonAsync("/api/v1/widget/sessions",
            new { propertyId = agent.PropertyId, userId = "crm-7", userHash = VisitorTokens.Sign(secrets.IdentitySecret, "crm-7") });
        var session = (await response.Content.ReadFromJsonAsync<VisitorSession>())!;

        var profile = (await agent.Http.GetFromJsonAsync<VisitorProfile>($"/api/v1/properties/{agent.PropertyId}/visitors/{session.VisitorId}", Json.Options))!;

        Assert.Equal("crm-7", profile.About.UserId);
    }

    [Fact, Trait("Spec", "VIS-1")]
    public async Task VIS1_custom_attributes_are_typed_validated_and_removable()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var url = VisitorUrl(agent, visitor) + "/attributes";

        await agent.Http.PutAsJsonAsync(url, new { name = "Plan", type = "Text", value = "Pro" });
        await agent.Http.PutAsJsonAsync(url, new { name = "Seats", type = "Number", value = "12.50" });
        await agent.Http.PutAsJsonAsync(url, new { name = "Renewal", type = "Date", value = "2027-01-31" });
        var profile = await ReadAsync(await agent.Http.PutAsJsonAsync(url, new { name = "Trial", type = "Bool", value = "False" }));
        Assert.Equal(["Plan=Pro", "Seats=12.50", "Renewal=2027-01-31", "Trial=false"], profile.Attributes.Select(a => $"{a.Name}={a.Value}"));

        await AssertRefusedAsync(await agent.Http.PutAsJsonAsync(url, new { name = "Seats", type = "Number", value = "many" }));
        await AssertRefusedAsync(await agent.Http.PutAsJsonAsync(url, new { name = "Renewal", type = "Date", value = "31/01/2027" }));
        await AssertRefusedAsync(await agent.Http.PutAsJsonAsync(url, new { name = "", type = "Text", value = "x" }));

        profile = await ReadAsync(await agent.Http.DeleteAsync(url + "/plan"));
        Assert.DoesNotContain(profile.Attributes, a => a.Name == "Plan");
    }

    [Fact, Trait("Spec", "VIS-2")]
    public async Task VIS2_social_links_accept_http_and_https_only()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var url = VisitorUrl(agent, visitor) + "/social";

        var profile = await ReadAsync(await agent.Http.PutAsJsonAsync(url, new
        {
            facebook = "https://facebook.com/ann", linkedIn = "https://www.linkedin.com/in/ann", twitter = "http://x.com/ann", instagram = "",
        }));
        Assert.Equal("https://www.linkedin.com/in/ann", profile.Social.LinkedIn);
        Assert.Null(profile.Social.Instagram);

        foreach (var hostile in new[] { "javascript:alert(1)", "data:text/html,<b>x</b>", "//evil.example/x", "ftp://x.example" })
        {
            await AssertRefusedAsync(await agent.Http.PutAsJsonAsync(url, new { twitter = hostile }));
        }
    }

    [Fact, Trait("Spec", "VIS-3"), Trait("Spec", "CHAT-5")]
    public async Task VIS3_CHAT5_a_visit_records_dates_location_device_sessions_and_page_views()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId, LondonIp, FirefoxOnWindows);
        var url = VisitorUrl(agent, visitor);

        await visitor.Hub.InvokeAsync("TrackPageView", visitor.PropertyId, visitor.Session.VisitorToken, "https://shop.example/pricing?a=1", "Pricing <b>");
        await visitor.Hub.InvokeAsync("TrackPageView", visitor.PropertyId, visitor.Session.VisitorToken, "https://shop.example/", "Home");
        var refused = await Assert.ThrowsAsync<HubException>(() =>
            visitor.Hub.InvokeAsync("TrackPageView", visitor.PropertyId, visitor.Session.VisitorToken, "javascript:alert(1)", "x"));
        Assert.Contains("http or https", refused.Message);

        var profile = (await agent.Http.GetFromJsonAsync<VisitorProfile>(url, Json.Options))!;
        Assert.Equal(LondonIp, profile.LastIp);
        Assert.Equal("GB", profile.Location?.Country);
        Assert.False(string.IsNullOrEmpty(profile.Location?.City));
        Assert.Equal(new VisitorDevice("Windows", "Firefox 128", "Desktop"), profile.Device);
        Assert.Equal(1, profile.Sessions.TotalSessions);
        Assert.Equal(2, profile.Sessions.PageViews);
        Assert.True(profile.Dates.LastSeenAt >= profile.Dates.FirstSeenAt);

        var views = (await agent.Http.GetFromJsonAsync<List<PageView>>(url + "/page-views", Json.Options))!;
        Assert.Equal(["https://shop.example/", "https://shop.example/pricing?a=1"], views.Select(v => v.Url));
        Assert.Equal("Pricing <b>", views[1].Title);
    }

    [Fact, Trait("Spec", "VIS-4")]
    public async Task VIS4_an_organization_is_created_linked_and_lists_its_contacts()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var organizations = $"/api/v1/properties/{agent.PropertyId}/organizations";

        var created = await agent.Http.PostAsJsonAsync(organizations, new { name = "Acme <Ltd>", domain = "ACME.example", notes = "Key account" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var organization = (await created.Content.ReadFromJsonAsync<OrganizationView>(Json.Options))!;
        Assert.Equal("acme.example", organization.Domain);
        await AssertRefusedAsync(await agent.Http.PostAsJsonAsync(organizations, new { name = "Bad", domain = "not a domain/" }));

        var profile = await ReadAsync(await agent.Http.PutAsJsonAsync(VisitorUrl(agent, visitor) + "/organization", new { organization.OrganizationId }));
        Assert.Equal(organization.OrganizationId, profile.OrganizationId);
        var contacts = (await agent.Http.GetFromJsonAsync<List<VisitorProfile>>($"{organizations}/{organization.OrganizationId}/contacts", Json.Options))!;
        Assert.Equal([visitor.Session.VisitorId], contacts.Select(c => c.VisitorId));
        var list = (await agent.Http.GetFromJsonAsync<List<OrganizationSummary>>(organizations, Json.Options))!;
        Assert.Contains(list, o => o.Name == "Acme <Ltd>");

        var missing = await agent.Http.PutAsJsonAsync(VisitorUrl(agent, visitor) + "/organization", new { organizationId = "nope" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        await agent.Http.PutAsJsonAsync(VisitorUrl(agent, visitor) + "/organization", new { organizationId = (string?)null });
        organization = (await agent.Http.GetFromJsonAsync<OrganizationView>($"{organizations}/{organization.OrganizationId}", Json.Options))!;
        Assert.Empty(organization.ContactVisitorIds);

        await agent.Http.PutAsJsonAsync(VisitorUrl(agent, visitor) + "/organization", new { organization.OrganizationId });
        (await agent.Http.DeleteAsync($"{organizations}/{organization.OrganizationId}")).EnsureSuccessStatusCode();
        Assert.Null((await agent.Http.GetFromJsonAsync<VisitorProfile>(VisitorUrl(agent, visitor), Json.Options))!.OrganizationId);
        Assert.DoesNotContain((await agent.Http.GetFromJsonAsync<List<OrganizationSummary>>(organizations, Json.Options))!, o => o.OrganizationId == organization.OrganizationId);
    }

    [Fact, Trait("Spec", "VIS-5")]
    public async Task VIS5_the_visitors_chats_are_in_their_history()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await visitor.StartChatAsync(first, "Ann");
        await visitor.SendAsync(first, "c1", "hello");
        await visitor.StartChatAsync(second, "Ann");

        var history = (await agent.Http.GetFromJsonAsync<List<ConversationLink>>(VisitorUrl(agent, visitor) + "/history", Json.Options))!;
        Assert.Equal([second, first], history.Select(h => h.ConversationId));
        Assert.All(history, h => Assert.Equal(("Chat", "Open"), (h.Kind.ToString(), h.Status)));
    }

    [Fact, Trait("Spec", "CHAT-4")]
    public async Task CHAT4_a_banned_visitor_or_address_cannot_start_a_chat_until_unbanned()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var plainAgent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        var ip = TestVisitor.UniqueAddress();
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, admin.PropertyId, ip);
        await using var sameAddress = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, admin.PropertyId, ip);
        var bans = $"/api/v1/properties/{admin.PropertyId}/bans";
        var ban = new { visitor.Session.VisitorId, ip, reason = "Abusive <b>language</b>" };

        Assert.Equal(HttpStatusCode.Forbidden, (await plainAgent.Http.PostAsJsonAsync(bans, ban)).StatusCode);
        (await admin.Http.PostAsJsonAsync(bans, ban)).EnsureSuccessStatusCode();
        await AssertRefusedAsync(await admin.Http.PostAsJsonAsync(bans, new { visitorId = "x", ip = "not-an-ip" }));

        var refused = await Assert.ThrowsAsync<HubException>(() => visitor.StartChatAsync(Guid.NewGuid()));
        Assert.Contains("blocked", refused.Message);
        await Assert.ThrowsAsync<HubException>(() => sameAddress.StartChatAsync(Guid.NewGuid()));
        var listed = (await plainAgent.Http.GetFromJsonAsync<List<VisitorBan>>(bans, Json.Options))!;
        Assert.Equal("Abusive <b>language</b>", Assert.Single(listed).Reason);

        (await admin.Http.DeleteAsync($"{bans}/{visitor.Session.VisitorId}")).EnsureSuccessStatusCode();
        await visitor.StartChatAsync(Guid.NewGuid());
    }

    [Fact, Trait("Spec", "VIS-4")]
    public async Task VIS4_an_organization_of_another_property_cannot_be_linked()
    {
        using var agentOfA = await SignedInAgent.CreateAsync(fixture);
        using var agentOfB = await SignedInAgent.CreateAsync(fixture);
        await using var visitorOfB = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agentOfB.PropertyId);
        var created = await agentOfA.Http.PostAsJsonAsync($"/api/v1/properties/{agentOfA.PropertyId}/organizations", new { name = "Only A" });
        var organization = (await created.Content.ReadFromJsonAsync<OrganizationView>(Json.Options))!;

        var response = await agentOfB.Http.PutAsJsonAsync(VisitorUrl(agentOfB, visitorOfB) + "/organization", new { organization.OrganizationId });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty((await agentOfB.Http.GetFromJsonAsync<List<OrganizationSummary>>($"/api/v1/properties/{agentOfB.PropertyId}/organizations", Json.Options))!);
    }

    [Fact, Trait("Spec", "VIS-1")]
    public async Task VIS1_the_visitor_endpoints_are_described_in_the_openapi_document()
    {
        using var http = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        var document = await http.GetStringAsync("/api/v1/openapi.json");
        foreach (var path in new[] { "/visitors/{visitorId}", "/visitors/{visitorId}/page-views", "/organizations/{organizationId}/contacts", "/bans/{visitorId}", "/chats/{chatId}/typing" })
        {
            Assert.Contains(path, document);
        }
    }

    [Fact, Trait("Spec", "VIS-1")]
    public async Task VIS1_a_profile_of_another_visitor_id_is_not_found()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var response = await agent.Http.GetAsync($"/api/v1/properties/{agent.PropertyId}/visitors/v-unknown");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string VisitorUrl(SignedInAgent agent, TestVisitor visitor) =>
        $"/api/v1/properties/{agent.PropertyId}/visitors/{visitor.Session.VisitorId}";

    private static async Task<VisitorProfile> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<VisitorProfile>(Json.Options))!;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}
