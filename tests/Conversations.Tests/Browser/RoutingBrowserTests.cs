using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>RTE-1 and SLA-1 in the browser: the settings screens, the widget's live queue place, countdowns and the SLA filter.</summary>
[Collection(WebCollection.Name)]
public sealed class RoutingBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "RTE-1")]
    public async Task RTE1_an_admin_turns_auto_assignment_on_and_a_waiting_visitor_sees_their_place_move_in_the_widget()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, admin);
        await using var _ = context;
        await page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        var routing = page.GetByRole(AriaRole.Form, new() { Name = "Auto-assignment settings" });
        await routing.GetByLabel("Assign automatically").CheckAsync();
        await routing.GetByLabel("Chats per agent").FillAsync("1");
        await routing.GetByRole(AriaRole.Button, new() { Name = "Save auto-assignment" }).ClickAsync();
        await Assertions.Expect(routing.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(page.GetByTestId("routing-agents")).ToContainTextAsync("Online");
        var saved = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{admin.PropertyId}/routing");
        Assert.True(saved.GetProperty("settings").GetProperty("enabled").GetBoolean());
        Assert.Equal(1, saved.GetProperty("settings").GetProperty("defaultChatCapacity").GetInt32());
        await BrowserFixture.ScreenshotAsync(page, "settings-routing");
        await page.Locator("[data-view=all]").ClickAsync(); // the settings cover the list; a view brings it back

        // The admin (online, capacity 1) takes the first chat; the second visitor waits first in line, the third second.
        await using var first = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, admin.PropertyId);
        var firstChat = Guid.NewGuid();
        await first.StartChatAsync(firstChat, "Fran First");
        await first.SendAsync(firstChat, "f1", "Hello");
        await Assertions.Expect(ConsolePage.Row(page, "Fran First").Locator("[data-col=assignee]")).Not.ToHaveTextAsync("—");
        await using var second = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, admin.PropertyId);
        var secondChat = Guid.NewGuid();
        await second.StartChatAsync(secondChat, "Sam Second");
        await second.SendAsync(secondChat, "s1", "Hello?");

        await using var visitorContext = await WidgetSteps.NewVisitorContextAsync(browsers);
        var widget = await visitorContext.NewPageAsync();
        await WidgetSteps.OpenWidgetAsync(fixture, widget, admin.PropertyId);
        await widget.GetByPlaceholder("Your name (optional)").FillAsync("Tess Third");
        await widget.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await WidgetSteps.SendAsync(widget, "Is anyone there?");
        await Assertions.Expect(widget.GetByTestId("queue-place")).ToHaveTextAsync("All our agents are busy. You are number 2 in line.");
        await BrowserFixture.ScreenshotAsync(widget, "widget-queue-place");

        await ConsolePage.Row(page, "Fran First").ClickAsync();
        await ConsolePage.CloseChatAsync(page);
        await Assertions.Expect(widget.GetByTestId("queue-place")).ToHaveTextAsync("You are next in line; an agent will be with you shortly.");
    }

    [Fact, Trait("Spec", "SLA-1")]
    public async Task SLA1_an_admin_sets_sla_policies_and_the_list_counts_down_and_filters_breaching_soon()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, admin);
        await using var _ = context;
        await page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        var sla = page.GetByRole(AriaRole.Form, new() { Name = "SLA settings" });
        await sla.GetByLabel("SLA policies on").CheckAsync();
        await sla.GetByLabel("Time zone").FillAsync("Europe/Berlin");
        await sla.GetByLabel("Around the clock").CheckAsync();
        await sla.GetByLabel("First response target for Medium, minutes").FillAsync("20");
        await sla.GetByLabel("Resolution target for High, minutes").FillAsync("480");
        await sla.GetByRole(AriaRole.Button, new() { Name = "Save SLA policies" }).ClickAsync();
        await Assertions.Expect(sla.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(sla.GetByLabel("First response target for Medium, minutes")).ToHaveValueAsync("20");
        var saved = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{admin.PropertyId}/sla");
        Assert.Equal("Europe/Berlin", saved.GetProperty("hours").GetProperty("timeZone").GetString());
        Assert.Equal(2, saved.GetProperty("policies").GetArrayLength());
        await BrowserFixture.ScreenshotAsync(page, "settings-sla");

        await sla.GetByLabel("Time zone").FillAsync("Mars/Olympus");
        await sla.GetByRole(AriaRole.Button, new() { Name = "Save SLA policies" }).ClickAsync();
        await Assertions.Expect(page.Locator(".settings > .error")).ToContainTextAsync("not a known time zone");

        await page.Locator("[data-view=all]").ClickAsync();
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, admin.PropertyId);
        var chat = Guid.NewGuid();
        await visitor.StartChatAsync(chat, "Dora Due");
        await visitor.SendAsync(chat, "d1", "Hello");
        var countdown = ConsolePage.Row(page, "Dora Due").GetByTestId("sla-countdown");
        await Assertions.Expect(countdown).ToHaveAttributeAsync("data-sla", "soon");
        await Assertions.Expect(countdown).ToContainTextAsync("left");
        await page.GetByLabel("SLA filter").SelectOptionAsync("breached");
        await Assertions.Expect(ConsolePage.Row(page, "Dora Due")).ToHaveCountAsync(0);
        await page.GetByLabel("SLA filter").SelectOptionAsync("breachingSoon");
        await Assertions.Expect(ConsolePage.Row(page, "Dora Due")).ToBeVisibleAsync();
        await ConsolePage.Row(page, "Dora Due").ClickAsync();
        await Assertions.Expect(page.Locator(".sla-line")).ToContainTextAsync("left");
        await BrowserFixture.ScreenshotAsync(page, "inbox-sla-countdown");
    }
}
