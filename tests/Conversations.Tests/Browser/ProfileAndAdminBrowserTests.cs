using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>The visitor's Details tab (social, organization, tags) and the settings screen (property, agents, departments, access).</summary>
[Collection(WebCollection.Name)]
public sealed class ProfileAndAdminBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "VIS-2"), Trait("Spec", "VIS-6"), Trait("Spec", "VIS-1")]
    public async Task VIS2_VIS6_an_agent_edits_social_links_profile_tags_and_attributes_in_the_details_tab()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await OpenVisitorDetailsAsync(agent, "Vera");
        await using var _ = context;

        await page.GetByLabel("LinkedIn").FillAsync("https://www.linkedin.com/in/vera");
        await page.GetByLabel("Twitter").FillAsync("javascript:alert(1)");
        await page.GetByRole(AriaRole.Form, new() { Name = "Social media" }).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sidebar [role=alert]:not(:empty)")).ToContainTextAsync("http");
        await page.GetByLabel("Twitter").FillAsync("https://twitter.com/vera");
        await page.GetByRole(AriaRole.Form, new() { Name = "Social media" }).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("social-links").GetByRole(AriaRole.Link, new() { Name = "linkedIn" })).ToHaveAttributeAsync("href", "https://www.linkedin.com/in/vera");
        await Assertions.Expect(page.GetByTestId("social-links").GetByRole(AriaRole.Link, new() { Name = "twitter" })).ToBeVisibleAsync();

        await page.GetByLabel("Visitor tags").FillAsync("vip, returning");
        await page.GetByRole(AriaRole.Form, new() { Name = "About" }).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("visitor-tags")).ToContainTextAsync("vip");
        await Assertions.Expect(page.GetByTestId("visitor-tags")).ToContainTextAsync("returning");
        await page.GetByLabel("Visitor tags").FillAsync("vip");
        await page.GetByRole(AriaRole.Form, new() { Name = "About" }).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("visitor-tags")).Not.ToContainTextAsync("returning");

        await page.GetByLabel("Attribute value").FillAsync("customer-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Attribute" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("attributes")).ToContainTextAsync("customer-42");
        await page.GetByLabel("Attribute type").SelectOptionAsync("Number");
        await page.GetByLabel("Attribute name").FillAsync("Seats");
        await page.GetByLabel("Attribute value").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Attribute" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("attributes")).ToContainTextAsync("Seats");

        var profile = await ProfileOfAsync(agent, "Vera");
        Assert.Equal(["vip"], profile.GetProperty("about").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("https://twitter.com/vera", profile.GetProperty("social").GetProperty("twitter").GetString());
        Assert.Equal("customer-42", profile.GetProperty("about").GetProperty("userId").GetString());
        await BrowserFixture.ScreenshotAsync(page, "details-social-tags");
    }

    [Fact, Trait("Spec", "VIS-4")]
    public async Task VIS4_an_agent_creates_an_organization_from_the_profile_and_another_visitor_links_to_it()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await OpenVisitorDetailsAsync(agent, "Olga");
        await using var _ = context;
        var organization = page.GetByTestId("organization");

        await organization.GetByLabel("Organization name").FillAsync("Acme Ltd");
        await organization.GetByLabel("Organization domain").FillAsync("acme.example");
        await organization.GetByLabel("Organization notes").FillAsync("Key account");
        await organization.GetByRole(AriaRole.Button, new() { Name = "Create organization" }).ClickAsync();
        await Assertions.Expect(organization).ToContainTextAsync("Acme Ltd");
        await Assertions.Expect(organization.GetByTestId("organization-contacts")).ToContainTextAsync("Olga");

        await using var other = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        await other.Hub.InvokeAsync("UpdateContact", agent.PropertyId, other.Session.VisitorToken, "Oscar", "oscar@acme.example");
        var oscar = Guid.NewGuid();
        await other.StartChatAsync(oscar, "Oscar");
        await other.SendAsync(oscar, "o1", "Hello"); // a chat is in the inbox from its first message (INB-1)
        await ConsolePage.Row(page, "Oscar").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Oscar");
        await organization.GetByLabel("Existing organization").SelectOptionAsync(new SelectOptionValue { Label = "Acme Ltd" });
        await organization.GetByRole(AriaRole.Button, new() { Name = "Link" }).ClickAsync();
        await Assertions.Expect(organization.GetByTestId("organization-contacts")).ToContainTextAsync("Olga");
        await Assertions.Expect(organization.GetByTestId("organization-contacts")).ToContainTextAsync("Oscar");
        await BrowserFixture.ScreenshotAsync(page, "details-organization");

        await organization.GetByRole(AriaRole.Button, new() { Name = "Unlink" }).ClickAsync();
        await Assertions.Expect(organization.GetByLabel("Existing organization")).ToBeVisibleAsync();
    }

    [Fact, Trait("Spec", "VIS-5")]
    public async Task VIS5_the_history_tab_lists_the_visitors_and_the_propertys_conversations_and_each_opens_in_full()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent, 1920, 1080);
        await using var _ = context;
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        Guid earlier = Guid.NewGuid(), latest = Guid.NewGuid();
        await visitor.StartChatAsync(earlier, "Hana");
        await visitor.SendAsync(earlier, "first", "my first visit question");
        (await agent.Http.PostAsync($"/api/v1/properties/{agent.PropertyId}/chats/{earlier}/close", null)).EnsureSuccessStatusCode();
        await ConsolePage.CreateTicketAsync(agent, "Printer jam in the lobby", "someone@example.com");
        await visitor.StartChatAsync(latest, "Hana");
        await visitor.SendAsync(latest, "second", "back again today");

        // Both of Hana's chats listed, newest first, before the first row is the latest chat.
        await Assertions.Expect(ConsolePage.Row(page, "Hana")).ToHaveCountAsync(2);
        await ConsolePage.Row(page, "Hana").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("back again today");
        await page.GetByRole(AriaRole.Tab, new() { Name = "History", Exact = true }).ClickAsync();
        var visitorHistory = page.GetByTestId("history");
        await Assertions.Expect(visitorHistory.GetByRole(AriaRole.Button)).ToHaveCountAsync(2);
        await Assertions.Expect(visitorHistory).Not.ToContainTextAsync("Ticket");
        await visitorHistory.GetByRole(AriaRole.Button, new() { Name = "Chat · Closed" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("my first visit question");
        await Assertions.Expect(page.GetByTestId("conversation-status")).ToHaveTextAsync("Closed");

        await page.GetByRole(AriaRole.Tab, new() { Name = "History", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Property" }).ClickAsync();
        var propertyHistory = page.GetByTestId("property-history");
        await Assertions.Expect(propertyHistory.GetByRole(AriaRole.Button)).ToHaveCountAsync(3);
        await BrowserFixture.ScreenshotAsync(page, "history-property");
        await propertyHistory.GetByRole(AriaRole.Button, new() { Name = "Printer jam in the lobby" }).ClickAsync();
        await Assertions.Expect(page.Locator("#detail h2")).ToHaveTextAsync("Printer jam in the lobby");
    }

    [Fact, Trait("Spec", "ADM-1")]
    public async Task ADM1_an_admin_renames_the_property_sees_its_widget_snippet_creates_another_property_and_edits_its_support_email()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, admin);
        await using var _ = context;
        await page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("widget-snippet")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"<script async src=\".*/widget.js\" data-property=\"{admin.PropertyId}\""));
        await page.GetByLabel("Property name", new() { Exact = true }).FillAsync("Acme support");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("property-title")).ToHaveTextAsync($"Acme support ({admin.PropertyId})");
        var property = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{admin.PropertyId}");
        Assert.Equal("Acme support", property.GetProperty("name").GetString());
        await BrowserFixture.ScreenshotAsync(page, "settings");

        var newId = "p-" + Guid.NewGuid().ToString("N")[..10];
        await page.GetByLabel("New property id").FillAsync(newId);
        await page.GetByLabel("New property name").FillAsync("Second brand");
        await page.GetByLabel("New property support email").FillAsync("help@second.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create property" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Property", new() { Exact = true })).ToHaveValueAsync(newId);
        await Assertions.Expect(page.GetByLabel("Property name", new() { Exact = true })).ToHaveValueAsync("Second brand");
        await Assertions.Expect(page.GetByTestId("support-email")).ToHaveValueAsync("help@second.example");

        // ADM-1: the support email is edited in place; a bad address is refused with the server's reason.
        await page.GetByTestId("support-email").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save email" }).ClickAsync();
        await Assertions.Expect(page.Locator(".settings p.error")).ToContainTextAsync("A valid email address is required.");
        await page.GetByTestId("support-email").FillAsync("Desk@Second.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save email" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("support-email")).ToHaveValueAsync("desk@second.example");
        await Assertions.Expect(page.Locator(".settings p.error")).ToBeEmptyAsync();
        var edited = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{newId}");
        Assert.Equal("desk@second.example", edited.GetProperty("supportEmail").GetString());
        await Assertions.Expect(page.GetByTestId("widget-snippet")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"data-property=\"{newId}\""));

        // Another team's id is refused in place.
        using var other = await SignedInAgent.CreateAsync(fixture);
        await page.GetByLabel("New property id").FillAsync(other.PropertyId);
        await page.GetByLabel("New property name").FillAsync("Duplicate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create property" }).ClickAsync();
        await Assertions.Expect(page.Locator(".settings > .error")).ToHaveTextAsync("A property with this id already exists.");
    }

    [Fact, Trait("Spec", "ADM-3"), Trait("Spec", "ADM-2"), Trait("Spec", "TIC-6")]
    public async Task ADM3_an_admin_adds_an_agent_creates_a_department_with_members_and_it_becomes_an_assignee()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, admin);
        await using var _ = context;
        await ConsolePage.CreateTicketAsync(admin, "Needs a team");
        await page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();

        var email = $"new-{Guid.NewGuid():N}@example.test";
        await page.GetByLabel("Agent email").FillAsync(email);
        await page.GetByLabel("Agent name").FillAsync("Nadia New");
        await page.GetByLabel("Agent password").FillAsync("a-long-enough-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add agent" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("agents")).ToContainTextAsync("Nadia New");
        await Assertions.Expect(page.GetByTestId("team")).ToContainTextAsync("Nadia New");

        await page.GetByLabel("New department name").FillAsync("Logistics");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create department" }).ClickAsync();
        await page.GetByLabel("Nadia New in Logistics").CheckAsync();
        await page.GetByRole(AriaRole.Form, new() { Name = "Department Logistics" }).GetByRole(AriaRole.Button, new() { Name = "Save members" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Nadia New in Logistics")).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(page, "settings-team");

        var departments = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{admin.PropertyId}/departments");
        var logistics = Assert.Single(departments.EnumerateArray());
        var agents = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{admin.PropertyId}/agents");
        var nadia = agents.EnumerateArray().Single(a => a.GetProperty("email").GetString() == email).GetProperty("id").GetString();
        Assert.Equal([nadia], logistics.GetProperty("members").EnumerateArray().Select(m => m.GetString()));

        await page.Locator("[data-view=all]").ClickAsync(); // the settings cover the list; a view brings it back
        await ConsolePage.Row(page, "Needs a team").ClickAsync();
        await page.GetByLabel("Assignee").SelectOptionAsync(new SelectOptionValue { Label = "Department: Logistics" });
        await Assertions.Expect(ConsolePage.Row(page, "Needs a team").Locator("[data-col=assignee]")).ToContainTextAsync("Logistics");

        // The new agent signs in; as an agent (not admin) the settings are read-only.
        await using var nadiaContext = await browsers.Browser.NewContextAsync();
        var nadiaPage = await nadiaContext.NewPageAsync();
        await nadiaPage.GotoAsync(new Uri(fixture.Web.BaseAddress, "/").ToString());
        await nadiaPage.GetByLabel("Email").FillAsync(email);
        await nadiaPage.GetByLabel("Password").FillAsync("a-long-enough-password");
        await nadiaPage.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(nadiaPage.GetByTestId("connection-state")).ToHaveTextAsync("Live");
        await nadiaPage.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        await Assertions.Expect(nadiaPage.GetByText("Only admins change these settings.")).ToBeVisibleAsync();
        await Assertions.Expect(nadiaPage.GetByRole(AriaRole.Button, new() { Name = "Rename" })).ToBeDisabledAsync();
        await Assertions.Expect(nadiaPage.GetByRole(AriaRole.Button, new() { Name = "Add agent" })).ToBeHiddenAsync();
    }

    [Fact, Trait("Spec", "ADM-4")]
    public async Task ADM4_an_agent_sees_only_their_own_properties_and_another_propertys_chat_stays_closed_to_them()
    {
        using var outsider = await SignedInAgent.CreateAsync(fixture);
        using var owner = await SignedInAgent.CreateAsync(fixture);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, owner.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Secret Sue");
        await visitor.SendAsync(chatId, "s1", "my private question");

        await using var context = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Web.BaseAddress, $"/?property={owner.PropertyId}").ToString());
        await page.GetByLabel("Email").FillAsync(outsider.Email);
        await page.GetByLabel("Password").FillAsync(SignedInAgent.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("Live");

        // The asked-for property is not theirs: the console opens their own, and offers no other.
        await Assertions.Expect(page.GetByLabel("Property", new() { Exact = true })).ToHaveValueAsync(outsider.PropertyId);
        Assert.Equal([outsider.PropertyId], await page.GetByLabel("Property", new() { Exact = true }).Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"));
        await Assertions.Expect(page.GetByTestId("empty-list")).ToBeVisibleAsync();

        var popout = await context.NewPageAsync();
        await popout.GotoAsync(new Uri(fixture.Web.BaseAddress, $"/?property={owner.PropertyId}&popout=chat/{chatId}").ToString());
        await Assertions.Expect(popout.GetByRole(AriaRole.Alert).Filter(new() { HasText = "not a member" })).ToBeVisibleAsync();
        await Assertions.Expect(popout.GetByText("my private question")).ToHaveCountAsync(0);

        var direct = await popout.APIRequest.GetAsync(new Uri(fixture.Web.BaseAddress, $"/api/v1/properties/{owner.PropertyId}/chats/{chatId}/messages").ToString());
        Assert.Equal((int)HttpStatusCode.NotFound, direct.Status);

        // Nor can they claim the property by "creating" its id.
        var claim = await outsider.Http.PostAsJsonAsync("/api/v1/properties", new { id = owner.PropertyId, name = "Mine now" });
        Assert.Equal(HttpStatusCode.Conflict, claim.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/properties/{owner.PropertyId}/chats/{chatId}")).StatusCode);
        await BrowserFixture.ScreenshotAsync(popout, "access-refused");
    }

    [Fact, Trait("Spec", "ADM-4")]
    public async Task ADM4_an_open_console_of_a_removed_agent_leaves_the_property_at_once()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        using var agent = await SignedInAgent.CreateAsync(fixture, admin.PropertyId, PropertyRole.Agent);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, admin.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Before Bea");
        await visitor.SendAsync(chatId, "bea-1", "Hello"); // a chat enters the inbox with its first message (INB-1)
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await Assertions.Expect(ConsolePage.Row(page, "Before Bea")).ToBeVisibleAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/v1/properties/{admin.PropertyId}/agents/{agent.AgentId}")).StatusCode);

        // The console hears it and starts over without the property: nothing of it is listed any more.
        await Assertions.Expect(page.GetByLabel("Property", new() { Exact = true }).Locator("option")).ToHaveCountAsync(0);
        await Assertions.Expect(ConsolePage.Row(page, "Before Bea")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "access-revoked");
    }

    /// <summary>A visitor with a chat, opened in a fresh console with the Details tab showing.</summary>
    private async Task<(IBrowserContext, IPage)> OpenVisitorDetailsAsync(SignedInAgent agent, string name)
    {
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent, 1920, 1080);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        await visitor.Hub.InvokeAsync("UpdateContact", agent.PropertyId, visitor.Session.VisitorToken, name, $"{name.ToLowerInvariant()}@example.com");
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, name);
        await visitor.SendAsync(chatId, "n1", "Hello"); // a chat is in the inbox from its first message (INB-1)
        await ConsolePage.Row(page, name).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Details" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(name);
        return (context, page);
    }

    private async Task<JsonElement> ProfileOfAsync(SignedInAgent agent, string name)
    {
        var inbox = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{agent.PropertyId}/inbox?view=chats");
        var chatId = inbox.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("title").GetString() == name).GetProperty("id").GetString();
        var chat = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{agent.PropertyId}/chats/{chatId}");
        return await agent.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{agent.PropertyId}/visitors/{chat.GetProperty("visitorId").GetString()}");
    }
}
