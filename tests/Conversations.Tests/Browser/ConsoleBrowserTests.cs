using System.Text.RegularExpressions;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>Popouts, presence, keyboard shortcuts and the session info pane of the console.</summary>
[Collection(WebCollection.Name)]
public sealed class ConsoleBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "CHAT-6")]
    public async Task CHAT6_a_chat_pops_out_into_its_own_window_that_stays_live_while_the_console_moves_on()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Paula");
        await visitor.SendAsync(chatId, "p1", "Where is my parcel?");
        await ConsolePage.CreateTicketAsync(agent, "Invoice copy");
        await ConsolePage.Row(page, "Paula").ClickAsync();

        var popup = await page.RunAndWaitForPopupAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Popout" }).ClickAsync());
        await Assertions.Expect(popup.GetByTestId("messages")).ToContainTextAsync("Where is my parcel?");
        await Assertions.Expect(popup.GetByTestId("chat-list")).ToBeHiddenAsync();
        await Assertions.Expect(popup.GetByTestId("connection-state")).ToHaveTextAsync("Live");

        // The main console moves on to another conversation; the popout keeps following the chat.
        await ConsolePage.Row(page, "Invoice copy").ClickAsync();
        await Assertions.Expect(page.Locator(".detail-header h2")).ToHaveTextAsync("Invoice copy");
        await visitor.SendAsync(chatId, "p2", "It was due on Monday");
        await Assertions.Expect(popup.GetByTestId("messages")).ToContainTextAsync("It was due on Monday");

        await popup.GetByPlaceholder("Type a reply").FillAsync("Let me check, Paula.");
        await popup.Keyboard.PressAsync("Enter");
        await Assertions.Expect(popup.GetByTestId("messages")).ToContainTextAsync("Let me check, Paula.");
        Assert.Contains("Let me check, Paula.", (await visitor.GetMessagesAsync(chatId)).Select(m => m.Text));

        // A status change made elsewhere shows in the popout.
        await ConsolePage.Row(page, "Paula").ClickAsync();
        await ConsolePage.CloseChatAsync(page);
        await Assertions.Expect(popup.GetByTestId("conversation-status")).ToHaveTextAsync("Closed");
        await Assertions.Expect(popup.GetByLabel("Chat status")).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(popup, "popout-chat");
    }

    [Fact, Trait("Spec", "CHAT-1"), Trait("Spec", "INB-3"), Trait("Spec", "INB-6")]
    public async Task CHAT1_an_agent_picks_up_a_chat_and_another_agents_console_shows_it_assigned_live()
    {
        using var first = await SignedInAgent.CreateAsync(fixture);
        using var second = await SignedInAgent.CreateAsync(fixture, first.PropertyId, PropertyRole.Agent);
        var (firstContext, a) = await ConsolePage.OpenAsync(browsers, fixture, first);
        await using var _ = firstContext;
        var (secondContext, b) = await ConsolePage.OpenAsync(browsers, fixture, second, 1920, 1080);
        await using var __ = secondContext;
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, first.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Pia");
        await visitor.SendAsync(chatId, "p1", "Anyone there?");
        await ConsolePage.Row(a, "Pia").ClickAsync();
        await ConsolePage.Row(b, "Pia").ClickAsync();
        await Assertions.Expect(ConsolePage.Row(b, "Pia").Locator("[data-col=assignee]")).ToContainTextAsync("—");

        await a.GetByRole(AriaRole.Button, new() { Name = "Pick up" }).ClickAsync();
        await Assertions.Expect(a.GetByRole(AriaRole.Button, new() { Name = "Pick up" })).ToBeHiddenAsync();
        await Assertions.Expect(a.GetByLabel("Assignee")).ToHaveValueAsync($"Agent:{first.AgentId}");
        var firstName = await a.Locator("#agent-name").TextContentAsync();
        await Assertions.Expect(ConsolePage.Row(b, "Pia").Locator("[data-col=assignee]")).ToContainTextAsync(firstName!);
        await Assertions.Expect(b.GetByLabel("Assignee")).ToHaveValueAsync($"Agent:{first.AgentId}");
        var chat = await fixture.Cluster.Client.GetGrain<Conversations.Grains.Interfaces.Chats.IChatGrain>(chatId).GetAsync(first.PropertyId);
        Assert.Equal(first.AgentId.ToString(), chat.Assignee?.Id);

        // The second agent takes it over; the first console follows, and offers Pick up again.
        await b.GetByRole(AriaRole.Button, new() { Name = "Pick up" }).ClickAsync();
        await Assertions.Expect(a.GetByLabel("Assignee")).ToHaveValueAsync($"Agent:{second.AgentId}");
        await Assertions.Expect(a.GetByRole(AriaRole.Button, new() { Name = "Pick up" })).ToBeVisibleAsync();
        await b.GetByPlaceholder("Type a reply").FillAsync("Yes, I am here.");
        await b.Keyboard.PressAsync("Enter");
        await Assertions.Expect(a.GetByTestId("messages")).ToContainTextAsync("Yes, I am here.");
        await a.GetByLabel("Assigned filter").SelectOptionAsync(new SelectOptionValue { Value = second.AgentId.ToString() });
        await Assertions.Expect(a.GetByTestId("chat-list").GetByRole(AriaRole.Button)).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(b, "chat-picked-up-1920");
    }

    [Fact, Trait("Spec", "TIC-9"), Trait("Spec", "CHAT-6"), Trait("Spec", "BIN-3")]
    public async Task TIC9_a_ticket_pops_out_and_its_more_options_mark_it_as_spam_which_every_window_follows()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await ConsolePage.CreateTicketAsync(agent, "Win a prize now");
        await ConsolePage.CreateTicketAsync(agent, "Refund request");
        await ConsolePage.Row(page, "Win a prize now").ClickAsync();

        var popup = await page.RunAndWaitForPopupAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Popout" }).ClickAsync());
        await Assertions.Expect(popup.Locator(".detail-header h2")).ToHaveTextAsync("Win a prize now");
        await ConsolePage.Row(page, "Refund request").ClickAsync();

        await popup.GetByLabel("More options").ClickAsync();
        await Assertions.Expect(popup.GetByRole(AriaRole.Menuitem, new() { Name = "Delete" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(popup, "popout-ticket-more-options");
        await popup.GetByRole(AriaRole.Menuitem, new() { Name = "Mark as spam" }).ClickAsync();
        await Assertions.Expect(popup.GetByTestId("conversation-status")).ToHaveTextAsync("Spam");

        await Assertions.Expect(ConsolePage.Row(page, "Win a prize now")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spam" }).ClickAsync();
        await Assertions.Expect(ConsolePage.Row(page, "Win a prize now")).ToBeVisibleAsync();
        await Assertions.Expect(ConsolePage.Row(page, "Refund request")).ToHaveCountAsync(0);
    }

    [Fact, Trait("Spec", "ADM-2")]
    public async Task ADM2_presence_shows_live_in_another_agents_console_and_each_agent_sets_their_own_status()
    {
        using var first = await SignedInAgent.CreateAsync(fixture);
        using var second = await SignedInAgent.CreateAsync(fixture, first.PropertyId, PropertyRole.Agent);
        var (firstContext, a) = await ConsolePage.OpenAsync(browsers, fixture, first);
        await using var _ = firstContext;
        var secondContext = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        var b = await secondContext.NewPageAsync();
        await ConsolePage.SignInAsync(b, fixture, second);

        var secondInFirst = a.GetByTestId("team").Locator($"[data-agent-id='{second.AgentId}']");
        var firstInSecond = b.GetByTestId("team").Locator($"[data-agent-id='{first.AgentId}']");
        await Assertions.Expect(secondInFirst).ToHaveAttributeAsync("data-presence", "Online");
        await Assertions.Expect(firstInSecond).ToHaveAttributeAsync("data-presence", "Online");

        await a.GetByLabel("My status").SelectOptionAsync("Away");
        await Assertions.Expect(firstInSecond).ToHaveAttributeAsync("data-presence", "Away");
        await BrowserFixture.ScreenshotAsync(b, "presence-1920");

        // The settings screen's agent table follows too.
        await a.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        var secondRow = a.GetByTestId("agents").Locator($"[data-agent-id='{second.AgentId}'] [data-presence]");
        await Assertions.Expect(secondRow).ToHaveTextAsync("Online");
        await b.GetByLabel("My status").SelectOptionAsync("Away");
        await Assertions.Expect(secondRow).ToHaveTextAsync("Away");

        await secondContext.CloseAsync();
        await Assertions.Expect(secondInFirst).ToHaveAttributeAsync("data-presence", "Offline");
        await Assertions.Expect(secondRow).ToHaveTextAsync("Offline");
        await a.GetByLabel("My status").SelectOptionAsync("Online");
        await Assertions.Expect(a.GetByTestId("team").Locator($"[data-agent-id='{first.AgentId}']")).ToHaveAttributeAsync("data-presence", "Online");
    }

    [Fact, Trait("Spec", "INB-2"), Trait("Spec", "CHAT-2")]
    public async Task Keyboard_shortcuts_move_open_reply_filter_and_close_but_never_fire_while_typing()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Kim");
        await visitor.SendAsync(chatId, "k1", "Hello"); // a chat is in the inbox from its first message (INB-1)
        await ConsolePage.CreateTicketAsync(agent, "Keyboard ticket");
        await Assertions.Expect(page.GetByTestId("chat-list").GetByRole(AriaRole.Button)).ToHaveCountAsync(2);

        await page.Keyboard.PressAsync("?");
        var help = page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Assertions.Expect(help).ToBeVisibleAsync();
        await Assertions.Expect(help).ToContainTextAsync("Close the open chat or ticket");
        await BrowserFixture.ScreenshotAsync(page, "keyboard-help");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(help).ToBeHiddenAsync();

        // Newest first: the ticket, then the chat.
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(ConsolePage.Row(page, "Keyboard ticket").GetByRole(AriaRole.Button)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(ConsolePage.Row(page, "Kim").GetByRole(AriaRole.Button)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(ConsolePage.Row(page, "Keyboard ticket").GetByRole(AriaRole.Button)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(ConsolePage.Row(page, "Kim").GetByRole(AriaRole.Button)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".detail-header h2")).ToHaveTextAsync("Kim");

        await page.Keyboard.PressAsync("r");
        var reply = page.GetByPlaceholder("Type a reply");
        await Assertions.Expect(reply).ToBeFocusedAsync();
        // Typing "e", "j" or "?" in the reply box is text, not a shortcut.
        await page.Keyboard.TypeAsync("eje?");
        await Assertions.Expect(reply).ToHaveValueAsync("eje?");
        await Assertions.Expect(help).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("Chat status")).ToBeEnabledAsync();
        await reply.FillAsync("");

        await page.Locator("#detail .messages").ClickAsync();
        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(page.GetByLabel("Status filter").GetByRole(AriaRole.Checkbox).First).ToBeFocusedAsync();
        await page.Locator("#detail .messages").ClickAsync();

        // "e" asks first; dismissing keeps the chat open, accepting closes it.
        await page.Keyboard.PressAsync("e");
        await ConsolePage.AnswerAsync(page, false);
        await Assertions.Expect(page.GetByTestId("conversation-status")).ToHaveTextAsync("Open");
        await page.Keyboard.PressAsync("e");
        await ConsolePage.AnswerAsync(page, true);
        await Assertions.Expect(page.GetByTestId("conversation-status")).ToHaveTextAsync("Closed");
    }

    [Fact, Trait("Spec", "CHAT-5")]
    public async Task CHAT5_the_session_info_pane_shows_the_visit_and_its_web_sessions_and_closes_with_x_or_escape()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await using var visitorContext = await browsers.Browser.NewContextAsync(new()
        {
            UserAgent = Web.VisitorProfileTests.FirefoxOnWindows,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = Web.VisitorProfileTests.LondonIp },
        });
        var site = await visitorContext.NewPageAsync();
        await site.GotoAsync(new Uri(fixture.Web.BaseAddress, $"/demo.html?property={agent.PropertyId}").ToString());
        await site.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await site.GetByPlaceholder("Your name (optional)").FillAsync("Sam");
        await site.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await site.GetByPlaceholder("Type a message").FillAsync("Hello");
        await site.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await ConsolePage.Row(page, "Sam").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Session info" }).ClickAsync();
        var pane = page.GetByRole(AriaRole.Complementary, new() { Name = "Session info" });
        await Assertions.Expect(pane.GetByTestId("session-info")).ToContainTextAsync(Web.VisitorProfileTests.LondonIp);
        await Assertions.Expect(pane.GetByTestId("session-info")).ToContainTextAsync("Windows");
        await Assertions.Expect(pane.GetByTestId("session-info")).ToContainTextAsync("Firefox");
        await Assertions.Expect(pane.GetByTestId("session-info")).ToContainTextAsync("Duration");
        await pane.GetByRole(AriaRole.Tab, new() { Name = "Web Sessions" }).ClickAsync();
        await Assertions.Expect(pane.GetByTestId("web-sessions")).ToContainTextAsync("/demo.html");
        await Assertions.Expect(pane.GetByTestId("session-info")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "session-info");

        await pane.GetByRole(AriaRole.Button, new() { Name = "Close session info" }).ClickAsync();
        await Assertions.Expect(pane).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Session info" }).ClickAsync();
        await Assertions.Expect(pane).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(pane).ToBeHiddenAsync();
    }

    [Fact, Trait("Spec", "INB-2")]
    public async Task The_console_shows_empty_and_error_states_in_place_and_keeps_its_layout_at_1280_and_1920()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await Assertions.Expect(page.GetByTestId("empty-list")).ToHaveTextAsync(new Regex("^No conversations here yet"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Trash" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("empty-list")).ToHaveTextAsync("Trash is empty.");
        await page.GetByRole(AriaRole.Button, new() { Name = "All" }).ClickAsync();
        await page.GetByLabel("Minimum message count").FillAsync("5");
        await page.GetByLabel("Minimum message count").DispatchEventAsync("change");
        await Assertions.Expect(page.GetByTestId("empty-list")).ToHaveTextAsync("Nothing matches these filters.");
        await page.GetByLabel("Minimum message count").FillAsync("-1");
        await page.GetByLabel("Minimum message count").DispatchEventAsync("change");
        await Assertions.Expect(page.Locator("#list-status")).ToContainTextAsync("could not be loaded");
        await page.GetByLabel("Minimum message count").FillAsync("");
        await page.GetByLabel("Minimum message count").DispatchEventAsync("change");

        // A conversation that does not exist answers in the pane, readably.
        var popup = await context.NewPageAsync();
        await popup.GotoAsync(new Uri(fixture.Web.BaseAddress, $"/?property={agent.PropertyId}&popout=chat/{Guid.NewGuid()}").ToString());
        await Assertions.Expect(popup.GetByRole(AriaRole.Alert).Filter(new() { HasText = "could not be opened" })).ToBeVisibleAsync();

        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        for (var i = 0; i < 12; i++)
        {
            var chatId = Guid.NewGuid();
            await visitor.StartChatAsync(chatId, $"Visitor with a rather long name number {i}");
            await visitor.SendAsync(chatId, $"m{i}", string.Concat(Enumerable.Repeat("A long message without breaks ", 8)));
        }

        await ConsolePage.CreateTicketAsync(agent, "A ticket subject that is long enough to need wrapping in the list and header", priority: "Highest");
        await Assertions.Expect(page.GetByTestId("chat-list").GetByRole(AriaRole.Button)).ToHaveCountAsync(13);
        await ConsolePage.Row(page, "Visitor with a rather long name number 3").ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("A long message");
        foreach (var (width, height) in new[] { (1280, 720), (1920, 1080) })
        {
            await page.SetViewportSizeAsync(width, height);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            var widest = overflow <= 0 ? "" : await page.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)" +
                ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
            Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow}px at {width}×{height}: {widest}");
            foreach (var region in new[] { "#chats", "#detail", "#sidebar" })
            {
                var box = await page.Locator(region).BoundingBoxAsync();
                Assert.True(box is { Width: > 200 }, $"{region} is squeezed to {box?.Width}px at {width}×{height}.");
            }

            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "screenshots", $"console-{width}x{height}.png") });
        }
    }
}
