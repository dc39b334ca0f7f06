using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Tests.Infrastructure;
using Conversations.Tests.Web;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using static Conversations.Tests.Browser.WidgetSteps;

namespace Conversations.Tests.Browser;

/// <summary>The embeddable widget on the demo site, in Chromium, against a real web node.</summary>
[Collection(WebCollection.Name)]
public sealed class WidgetBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_visitor_and_agent_see_every_message_once_and_in_order_across_a_forced_reconnect()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var hub = await agent.GoOnlineAsync(fixture);
        var events = new ConcurrentQueue<JsonElement>();
        hub.On<JsonElement>(RealtimeDelivery.EventMethod, e => events.Enqueue(e));
        await hub.InvokeAsync("JoinProperty", agent.PropertyId);

        await using var context = await NewVisitorContextAsync(browsers);
        var page = await context.NewPageAsync();
        var blocked = false;
        IWebSocketRoute? socket = null;
        await page.RouteWebSocketAsync(new Regex("/hubs/visitor"), ws =>
        {
            if (blocked)
            {
                _ = ws.CloseAsync();
                return;
            }

            socket = ws;
            ws.ConnectToServer();
        });
        await page.RouteAsync(new Regex("/hubs/visitor/negotiate"), route => blocked ? route.AbortAsync() : route.ContinueAsync());

        await OpenWidgetAsync(fixture, page, agent.PropertyId);
        await page.GetByPlaceholder("Your name (optional)").FillAsync("Ann");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await SendAsync(page, "1 from visitor");
        var chatId = Guid.Parse(await WaitUntilAsync(() => ChatIdOf(events)));
        await hub.InvokeAsync<object>("SendMessage", agent.PropertyId, chatId, "a-2", "2 from agent");
        var list = page.GetByTestId("visitor-messages");
        await Assertions.Expect(list).ToContainTextAsync("2 from agent");
        (await agent.Http.PostAsJsonAsync($"/api/v1/properties/{agent.PropertyId}/chats/{chatId}/typing", new { isTyping = true })).EnsureSuccessStatusCode();
        await Assertions.Expect(page.GetByTestId("agent-typing")).ToHaveTextAsync(new Regex("is typing…$"));

        blocked = true;
        await socket!.CloseAsync();
        await Assertions.Expect(page.GetByTestId("widget-status")).ToHaveTextAsync("Reconnecting…");
        await SendAsync(page, "3 from visitor while offline");
        await hub.InvokeAsync<object>("SendMessage", agent.PropertyId, chatId, "a-4", "4 from agent while visitor offline");
        await Assertions.Expect(list.Locator("li.pending")).ToHaveCountAsync(1);
        blocked = false;

        await Assertions.Expect(list.Locator("li[data-sequence]")).ToHaveCountAsync(4, new() { Timeout = 20_000 });
        await Assertions.Expect(list.Locator("li.pending")).ToHaveCountAsync(0);
        await SendAsync(page, "5 from visitor after reconnect");
        await Assertions.Expect(list.Locator("li[data-sequence]")).ToHaveCountAsync(5);

        var stored = (await agent.Http.GetFromJsonAsync<List<ConversationMessage>>(
            $"/api/v1/properties/{agent.PropertyId}/chats/{chatId}/messages", Json.Options))!;
        Assert.Equal([1, 2, 3, 4, 5], stored.Select(m => m.Sequence));
        Assert.Equal(5, stored.Select(m => m.Text).Distinct().Count());
        var texts = await list.Locator("li[data-sequence]").EvaluateAllAsync<string[]>("items => items.map(i => i.lastChild.textContent)");
        Assert.Equal(stored.Select(m => m.Text), texts);

        var agentSaw = await WaitUntilAsync(() =>
        {
            var sequences = Posted(events, chatId).ToList();
            return sequences.Count >= 5 ? sequences : null;
        });
        Assert.Equal([1, 2, 3, 4, 5], agentSaw);
        await BrowserFixture.ScreenshotAsync(page, "widget-after-reconnect");
    }

    [Fact, Trait("Spec", "CHAT-4")]
    public async Task CHAT4_a_banned_visitor_is_refused_with_a_readable_message()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        await using var online = await admin.GoOnlineAsync(fixture);
        await using var context = await NewVisitorContextAsync(browsers);
        var page = await context.NewPageAsync();
        await OpenWidgetAsync(fixture, page, admin.PropertyId);
        var visitorId = await VisitorIdAsync(page, admin.PropertyId);

        (await admin.Http.PostAsJsonAsync($"/api/v1/properties/{admin.PropertyId}/bans", new { visitorId, reason = "spam" })).EnsureSuccessStatusCode();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("widget-status")).ToHaveTextAsync(VisitorHub.BannedMessage);
        await Assertions.Expect(page.GetByPlaceholder("Type a message")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "widget-banned");
    }

    [Fact, Trait("Spec", "VIS-3"), Trait("Spec", "CHAT-5")]
    public async Task VIS3_CHAT5_the_profile_shows_location_device_and_page_views_and_hostile_input_stays_inert()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var online = await agent.GoOnlineAsync(fixture);
        await using var context = await browsers.Browser.NewContextAsync(new()
        {
            UserAgent = VisitorProfileTests.FirefoxOnWindows,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = VisitorProfileTests.LondonIp },
        });
        var page = await context.NewPageAsync();
        const string hostile = "<img src=x onerror=\"window.__xss=1\">";
        await OpenWidgetAsync(fixture, page, agent.PropertyId, "&q=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E");
        var visitorId = await VisitorIdAsync(page, agent.PropertyId);

        await page.GetByPlaceholder("Your name (optional)").FillAsync("Ann " + hostile);
        await page.GetByPlaceholder("Your email (optional)").FillAsync("ann@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await SendAsync(page, "Hi " + hostile);
        await Assertions.Expect(page.GetByTestId("visitor-messages")).ToContainTextAsync("Hi " + hostile);

        var url = $"/api/v1/properties/{agent.PropertyId}/visitors/{visitorId}";
        var profile = (await agent.Http.GetFromJsonAsync<VisitorProfile>(url, Json.Options))!;
        Assert.Equal(("GB", VisitorProfileTests.LondonIp), (profile.Location?.Country, profile.LastIp));
        Assert.Equal(new VisitorDevice("Windows", "Firefox 128", "Desktop"), profile.Device);
        Assert.Equal(("Ann " + hostile, "ann@example.com"), (profile.About.Name, profile.About.Email));
        var views = await WaitForAsync(async () =>
        {
            var list = (await agent.Http.GetFromJsonAsync<List<PageView>>(url + "/page-views", Json.Options))!;
            return list.Count > 0 ? list : null;
        });
        Assert.Contains("/demo.html?property=", views[0].Url);
        Assert.Equal("Demo site — Conversations", views[0].Title);
        var history = (await agent.Http.GetFromJsonAsync<List<ConversationLink>>(url + "/history", Json.Options))!;
        Assert.Single(history);

        Assert.Equal(0, await page.Locator("[data-conversations-widget] img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
    }

    /// <summary>Issue 19: the widget gains uploads, seen marks and typing, and still loads fast on a customer's page.</summary>
    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_the_widget_script_stays_within_24_KB_gzipped()
    {
        using var http = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        var script = await http.GetByteArrayAsync("/widget.js");
        using var packed = new MemoryStream();
        await using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await gzip.WriteAsync(script);
        }

        Assert.True(packed.Length <= 24 * 1024, $"widget.js is {packed.Length / 1024.0:0.0} KB gzipped ({script.Length / 1024.0:0.0} KB raw); the budget is 24 KB.");
    }

    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_the_widget_works_embedded_in_another_sites_page()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var online = await agent.GoOnlineAsync(fixture);
        await using var context = await NewVisitorContextAsync(browsers);
        var page = await context.NewPageAsync();
        // Another origin than the web node's (localhost, not 127.0.0.1).
        var script = new Uri(fixture.Web.BaseAddress, "/widget.js");
        var shop = $"http://localhost:{fixture.Web.BaseAddress.Port}/shop/products";
        await page.RouteAsync(shop, route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"<!doctype html><title>Shop</title><h1>Shop</h1><script async src=\"{script}\" data-property=\"{agent.PropertyId}\"></script>",
        }));

        // A page Playwright serves counts as public; Chromium then asks before it may reach the loopback web node.
        await context.GrantPermissionsAsync(["local-network-access"]);
        await page.GotoAsync(shop);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await SendAsync(page, "Hello from another site");
        await Assertions.Expect(page.GetByTestId("visitor-messages").Locator("li[data-sequence]")).ToHaveCountAsync(1);

        var visitorId = await VisitorIdAsync(page, agent.PropertyId);
        var views = await WaitForAsync(async () =>
        {
            var list = (await agent.Http.GetFromJsonAsync<List<PageView>>($"/api/v1/properties/{agent.PropertyId}/visitors/{visitorId}/page-views", Json.Options))!;
            return list.Count > 0 ? list : null;
        });
        Assert.Equal((shop, "Shop"), (views[0].Url, views[0].Title));
    }

    [Fact, Trait("Spec", "CHAT-9")]
    public async Task CHAT9_with_no_agent_online_the_offline_form_becomes_a_ticket_and_survives_an_unreachable_service()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var context = await NewVisitorContextAsync(browsers);
        var page = await context.NewPageAsync();
        var blocked = true;
        await page.RouteAsync(new Regex("/api/v1/widget/sessions"), route => blocked ? route.AbortAsync() : route.ContinueAsync());

        await page.GotoAsync(new Uri(fixture.Web.BaseAddress, $"/demo.html?property={agent.PropertyId}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("offline-form")).ToBeVisibleAsync();
        await page.GetByPlaceholder("Your name", new() { Exact = true }).FillAsync("Olive");
        await page.GetByPlaceholder("Your email", new() { Exact = true }).FillAsync("olive@example.com");
        await page.GetByPlaceholder("Your message").FillAsync("Please call me back");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("widget-status")).ToContainTextAsync("could not send your message");

        blocked = false;
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("widget-status")).ToContainTextAsync("We will reply to olive@example.com");
        var visitorId = await VisitorIdAsync(page, agent.PropertyId);
        var history = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{agent.PropertyId}/visitors/{visitorId}/history");
        var ticketId = Assert.Single(history.EnumerateArray(), link => link.GetProperty("kind").GetString() == "Ticket").GetProperty("conversationId").GetGuid();
        var ticket = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{agent.PropertyId}/tickets/{ticketId}");
        Assert.Equal("olive@example.com", ticket.GetProperty("requester").GetProperty("email").GetString());
        var messages = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{agent.PropertyId}/tickets/{ticketId}/messages");
        Assert.Equal("Please call me back", messages[0].GetProperty("text").GetString());
        await BrowserFixture.ScreenshotAsync(page, "widget-offline-delivered");
    }

    private static string? ChatIdOf(IEnumerable<JsonElement> events) =>
        events.Where(e => e.GetProperty("type").GetString() == "chatStarted").Select(e => e.GetProperty("conversationId").GetString()).FirstOrDefault();

    private static IEnumerable<long> Posted(IEnumerable<JsonElement> events, Guid chatId) =>
        events.Where(e => e.GetProperty("type").GetString() == "messagePosted" && e.GetProperty("conversationId").GetGuid() == chatId)
            .Select(e => e.GetProperty("message").GetProperty("sequence").GetInt64());
}
