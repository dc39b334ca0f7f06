using System.Net.Http.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>
/// Every main screen of the console and the widget at 1024×768, 1440×900 and 1920×1080 (issue 19): axe finds no serious
/// or critical violation, and the screenshots land in test-artifacts/screenshots for people to judge.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ScreensBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "ADM-2")]
    public async Task ADM2_the_sign_in_screen_passes_axe_at_three_sizes()
    {
        await using var context = await browsers.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Web.BaseAddress, "/").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "screen-sign-in");
    }

    [Fact, Trait("Spec", "INB-2"), Trait("Spec", "INB-3")]
    public async Task INB2_INB3_the_inbox_table_passes_axe_at_three_sizes()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await SeedAsync(agent);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await Assertions.Expect(page.GetByTestId("chat-list").GetByRole(AriaRole.Row)).ToHaveCountAsync(7);
        await Screens.CheckAsync(page, "screen-inbox");
        await page.GetByLabel("Select Marta Nowak").CheckAsync();
        await page.GetByLabel("Select Refund for order 4411").CheckAsync();
        await Screens.CheckAsync(page, "screen-inbox-bulk");
    }

    [Fact, Trait("Spec", "CHAT-1"), Trait("Spec", "VIS-1")]
    public async Task CHAT1_an_open_chat_keeps_a_transcript_of_480px_at_1024_and_passes_axe_at_three_sizes()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await SeedAsync(agent);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await ConsolePage.Row(page, "Marta Nowak").ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("Can I change the delivery address?");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Details" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Marta Nowak");
        await Screens.CheckAsync(page, "screen-chat", async () =>
        {
            var transcript = await page.GetByTestId("messages").BoundingBoxAsync();
            var size = page.ViewportSize!;
            Assert.True(transcript is { Width: >= 480 }, $"The transcript is {transcript?.Width}px wide at {size.Width}×{size.Height}.");
            var header = await page.Locator(".chat-header").BoundingBoxAsync();
            Assert.True(header is { Height: < 80 }, $"The chat header wraps ({header?.Height}px high) at {size.Width}×{size.Height}.");
        });
    }

    [Fact, Trait("Spec", "TIC-1"), Trait("Spec", "TIC-3")]
    public async Task TIC1_an_open_ticket_passes_axe_at_three_sizes()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await SeedAsync(agent);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await ConsolePage.Row(page, "Refund for order 4411").ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("About Refund for order 4411");
        await Screens.CheckAsync(page, "screen-ticket");
        await page.GetByLabel("Send and set status").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Menu)).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "screen-ticket-send-menu");
    }

    [Fact, Trait("Spec", "ADM-1"), Trait("Spec", "ADM-3")]
    public async Task ADM1_the_settings_screen_passes_axe_at_three_sizes()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        (await agent.Http.PostAsJsonAsync($"/api/v1/properties/{agent.PropertyId}/departments", new { name = "Billing" })).EnsureSuccessStatusCode();
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("widget-snippet")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "screen-settings");
    }

    [Fact, Trait("Spec", "TIC-1")]
    public async Task TIC1_the_new_ticket_form_and_a_confirmation_dialog_pass_axe_at_three_sizes()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await SeedAsync(agent);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await page.GetByRole(AriaRole.Button, new() { Name = "New ticket" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Form, new() { Name = "New ticket" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "screen-new-ticket");

        await ConsolePage.Row(page, "Marta Nowak").ClickAsync();
        await ConsolePage.ChooseAsync(page, "Chat status", "Closed");
        await Assertions.Expect(page.Locator("dialog.dialog[open]")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "screen-confirm-dialog");
        await ConsolePage.AnswerAsync(page, false);
    }

    [Fact, Trait("Spec", "VIS-5"), Trait("Spec", "KB-3"), Trait("Spec", "CHAT-5")]
    public async Task VIS5_KB3_CHAT5_the_side_tabs_and_session_info_of_an_open_chat_pass_axe_at_three_sizes()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await SeedAsync(agent);
        (await agent.Http.PostAsJsonAsync($"/api/v1/properties/{agent.PropertyId}/shortcuts", new { name = "address", message = "Please send the full new address, with the postcode." }))
            .EnsureSuccessStatusCode();
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await ConsolePage.Row(page, "Marta Nowak").ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("Can I change the delivery address?");
        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("Chat");
        await Screens.CheckAsync(page, "screen-chat-history");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Shortcuts" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("shortcut-results")).ToContainTextAsync("/address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Session info" }).ClickAsync();
        await Assertions.Expect(page.Locator("#session-info")).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "screen-chat-shortcuts-session-info");
    }

    [Fact, Trait("Spec", "SRCH-1")]
    public async Task SRCH1_the_search_results_pass_axe_at_three_sizes()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await SeedAsync(agent);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        var hits = await ConsolePage.SearchUntilFoundAsync(page, "address");
        await Assertions.Expect(hits.First).ToContainTextAsync("address");
        await Screens.CheckAsync(page, "screen-search");
    }

    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_the_widget_on_the_demo_site_passes_axe_at_three_sizes()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var online = await agent.GoOnlineAsync(fixture);
        await using var context = await browsers.Browser.NewContextAsync(new()
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = TestVisitor.UniqueAddress() },
        });
        var site = await context.NewPageAsync();
        await site.GotoAsync(new Uri(fixture.Web.BaseAddress, $"/demo.html?property={agent.PropertyId}").ToString());
        await site.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await Screens.CheckAsync(site, "screen-widget-start");
        await site.GetByPlaceholder("Your name (optional)").FillAsync("Marta");
        await site.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await site.GetByPlaceholder("Type a message").FillAsync("Hello, is anyone there?");
        await site.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(site.GetByTestId("visitor-messages").Locator("li[data-sequence]")).ToHaveCountAsync(1);
        await Screens.CheckAsync(site, "screen-widget-chat");
    }

    /// <summary>A believable inbox: chats with replies, a rating and tags, tickets of several priorities, one assigned to a department.</summary>
    private async Task SeedAsync(SignedInAgent agent)
    {
        var properties = $"/api/v1/properties/{agent.PropertyId}";
        await using var marta = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        await marta.Hub.InvokeAsync("UpdateContact", agent.PropertyId, marta.Session.VisitorToken, "Marta Nowak", "marta@example.com");
        var chat = Guid.NewGuid();
        await marta.StartChatAsync(chat, "Marta Nowak");
        await marta.SendAsync(chat, "m1", "Hi! I ordered a lamp yesterday.");
        await marta.SendAsync(chat, "m2", "Can I change the delivery address?");
        (await agent.Http.PostAsJsonAsync($"{properties}/chats/{chat}/messages", new { commandId = "a1", text = "Of course — what is the new address?" })).EnsureSuccessStatusCode();
        (await agent.Http.PostAsJsonAsync($"{properties}/chats/{chat}/whispers", new { commandId = "w1", text = "Check the courier cut-off first." })).EnsureSuccessStatusCode();
        (await agent.Http.PostAsJsonAsync($"{properties}/chats/{chat}/tags", new { add = new[] { "delivery", "vip" } })).EnsureSuccessStatusCode();

        await using var others = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        foreach (var (name, text) in new[] { ("Jonas", "Do you ship to Norway?"), ("Aiko Tanaka", "The coupon code does not work") })
        {
            var id = Guid.NewGuid();
            await others.StartChatAsync(id, name);
            await others.SendAsync(id, $"{name}-1", text);
        }

        var rated = Guid.NewGuid();
        await others.StartChatAsync(rated, "Priya");
        await others.SendAsync(rated, "p1", "Thanks, all sorted!");
        (await agent.Http.PostAsync($"{properties}/chats/{rated}/close", null)).EnsureSuccessStatusCode();
        await others.Hub.InvokeAsync("RateChat", agent.PropertyId, others.Session.VisitorToken, rated, ChatRatingValue.Good, "quick");

        var billing = await (await agent.Http.PostAsJsonAsync($"{properties}/departments", new { name = "Billing" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var refund = await ConsolePage.CreateTicketAsync(agent, "Refund for order 4411", "lena@example.com", "High");
        (await agent.Http.PostAsJsonAsync($"{properties}/tickets/{refund}/assignee", new { kind = "Department", assigneeId = billing.GetProperty("id").GetString() })).EnsureSuccessStatusCode();
        await ConsolePage.CreateTicketAsync(agent, "Invoice address is wrong", "tom@example.com", "Low");
        await ConsolePage.CreateTicketAsync(agent, "Broken hinge on cabinet", "sam@example.com", "Highest");
    }
}
