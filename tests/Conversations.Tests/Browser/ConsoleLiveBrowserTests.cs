using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>The console live (INB-6) and the transcript leaving it (CHAT-4).</summary>
[Collection(WebCollection.Name)]
public sealed class ConsoleLiveBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "INB-6")]
    public async Task INB6_a_visitor_message_shows_in_a_second_console_within_one_second()
    {
        using var first = await SignedInAgent.CreateAsync(fixture);
        using var second = await SignedInAgent.CreateAsync(fixture, first.PropertyId, PropertyRole.Agent);
        var (firstContext, a) = await ConsolePage.OpenAsync(browsers, fixture, first);
        await using var _ = firstContext;
        var (secondContext, b) = await ConsolePage.OpenAsync(browsers, fixture, second, 1920, 1080);
        await using var __ = secondContext;
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, first.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Quinn");
        await visitor.SendAsync(chatId, "q1", "first");
        await ConsolePage.Row(b, "Quinn").ClickAsync();
        await Assertions.Expect(ConsolePage.Row(a, "Quinn").Locator("[data-col=messages]")).ToHaveTextAsync("1");

        var clock = Stopwatch.StartNew();
        await visitor.SendAsync(chatId, "q2", "second, timed");
        await Assertions.Expect(b.GetByTestId("messages")).ToContainTextAsync("second, timed", new() { Timeout = 1000 });
        await Assertions.Expect(ConsolePage.Row(a, "Quinn").Locator("[data-col=messages]")).ToHaveTextAsync("2", new() { Timeout = 1000 });
        Assert.True(clock.ElapsedMilliseconds < 1000, $"The message took {clock.ElapsedMilliseconds} ms to show in both consoles.");
    }

    [Fact, Trait("Spec", "INB-6")]
    public async Task INB6_a_console_that_lost_its_connection_catches_up_on_reconnect_with_nothing_missing()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var context = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        var blocked = false;
        IWebSocketRoute? socket = null;
        await page.RouteWebSocketAsync(new Regex("/hubs/agent"), ws =>
        {
            if (blocked)
            {
                _ = ws.CloseAsync();
                return;
            }

            socket = ws;
            ws.ConnectToServer();
        });
        await page.RouteAsync(new Regex("/hubs/agent/negotiate"), route => blocked ? route.AbortAsync() : route.ContinueAsync());
        await ConsolePage.SignInAsync(page, fixture, agent);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Rosa");
        await visitor.SendAsync(chatId, "r1", "before the cut");
        await ConsolePage.Row(page, "Rosa").ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("before the cut");

        blocked = true;
        await socket!.CloseAsync();
        await Assertions.Expect(page.GetByTestId("connection-state")).Not.ToHaveTextAsync("Live");
        await visitor.SendAsync(chatId, "r2", "while you were away");
        var svensChat = Guid.NewGuid();
        await visitor.StartChatAsync(svensChat, "Sven");
        await visitor.SendAsync(svensChat, "s1", "a new chat meanwhile"); // a chat enters the inbox with its first message (INB-1)
        await visitor.SendAsync(chatId, "r3", "and one more");
        await BrowserFixture.ScreenshotAsync(page, "console-reconnecting");
        blocked = false;

        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("Live", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("messages").Locator("li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("while you were away");
        await Assertions.Expect(ConsolePage.Row(page, "Sven")).ToBeVisibleAsync();
        await Assertions.Expect(ConsolePage.Row(page, "Rosa").Locator("[data-col=messages]")).ToHaveTextAsync("3");
    }

    [Fact, Trait("Spec", "CHAT-4"), Trait("Spec", "TIC-4")]
    public async Task CHAT4_copy_and_print_transcript_give_the_plain_text_without_whispers()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Tomas");
        await visitor.SendAsync(chatId, "t1", "My parcel is lost");
        var chat = $"/api/v1/properties/{agent.PropertyId}/chats/{chatId}";
        (await agent.Http.PostAsJsonAsync($"{chat}/messages", new { commandId = "a1", text = "I will trace it" })).EnsureSuccessStatusCode();
        (await agent.Http.PostAsJsonAsync($"{chat}/whispers", new { commandId = "w1", text = "internal: courier is slow" })).EnsureSuccessStatusCode();
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await ConsolePage.Row(page, "Tomas").ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("internal: courier is slow");

        await ConsolePage.ChooseAsync(page, "Chat options", "Copy transcript");
        var copied = await WaitForAsync(async () =>
        {
            var text = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
            return text.Contains("I will trace it") ? text : null;
        });
        Assert.Contains("My parcel is lost", copied);
        Assert.DoesNotContain("courier", copied);
        Assert.Contains("\u2068Tomas\u2069: ", copied);

        var printable = await page.RunAndWaitForPopupAsync(() => ConsolePage.ChooseAsync(page, "Chat options", "Print transcript"));
        await Assertions.Expect(printable.Locator("h1")).ToHaveTextAsync("Chat with Tomas");
        await Assertions.Expect(printable.Locator("pre")).ToContainTextAsync("I will trace it");
        await Assertions.Expect(printable.Locator("pre")).Not.ToContainTextAsync("courier");
    }

    private static async Task<string> WaitForAsync(Func<Task<string?>> probe)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The expected state was not reached in 5 s.");
    }
}
