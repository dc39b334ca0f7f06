using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>What agents expect of a console they live in (issue 19): typing both ways, unread counts, notifications.</summary>
[Collection(WebCollection.Name)]
public sealed class AgentAttentionBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "CHAT-1")]
    public async Task CHAT1_typing_shows_both_ways_the_visitor_in_the_console_and_the_agent_in_the_widget()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, console) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await using var visitorContext = await browsers.Browser.NewContextAsync(new()
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = TestVisitor.UniqueAddress() },
        });
        var site = await visitorContext.NewPageAsync();
        await site.GotoAsync(new Uri(fixture.Web.BaseAddress, $"/demo.html?property={agent.PropertyId}").ToString());
        await site.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await site.GetByPlaceholder("Your name (optional)").FillAsync("Tess");
        await site.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await site.GetByPlaceholder("Type a message").FillAsync("Hello");
        await site.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await ConsolePage.Row(console, "Tess").ClickAsync();
        await Assertions.Expect(console.GetByTestId("messages")).ToContainTextAsync("Hello");

        // The visitor types (and has not sent yet): the console says so under the transcript and in the list.
        var visitorTyping = console.GetByTestId("visitor-typing");
        await Assertions.Expect(visitorTyping).ToBeHiddenAsync();
        await site.GetByPlaceholder("Type a message").PressSequentiallyAsync("Where is");
        await Assertions.Expect(visitorTyping).ToHaveTextAsync("Tess is typing…");
        await Assertions.Expect(ConsolePage.Row(console, "Tess")).ToContainTextAsync("typing…");
        await site.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(console.GetByTestId("messages")).ToContainTextAsync("Where is");
        await Assertions.Expect(visitorTyping).ToBeHiddenAsync();

        // The agent types: the widget says so until the reply arrives.
        var agentTyping = site.GetByTestId("agent-typing");
        await Assertions.Expect(agentTyping).ToBeHiddenAsync();
        await console.GetByPlaceholder("Type a reply").PressSequentiallyAsync("Let me look");
        await Assertions.Expect(agentTyping).ToHaveTextAsync(new Regex("is typing…$"));
        await BrowserFixture.ScreenshotAsync(site, "widget-agent-typing");
        await console.Keyboard.PressAsync("Enter");
        await Assertions.Expect(site.GetByTestId("visitor-messages")).ToContainTextAsync("Let me look");
        await Assertions.Expect(agentTyping).ToBeHiddenAsync();
    }

    [Fact, Trait("Spec", "INB-6")]
    public async Task INB6_unread_counts_per_view_and_in_the_tab_title_follow_visitor_messages_until_the_conversation_is_opened()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        var views = page.GetByRole(AriaRole.Navigation, new() { Name = "Views" });
        ILocator Unread(string view) => views.Locator($"[data-view={view}] .unread-count");
        await Assertions.Expect(page).ToHaveTitleAsync("Conversations");

        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();
        await visitor.StartChatAsync(first, "Uma");
        await visitor.SendAsync(first, "u1", "Hello?");
        await Assertions.Expect(Unread("all")).ToHaveTextAsync("1 unread");
        await Assertions.Expect(Unread("chats")).ToHaveTextAsync("1 unread");
        await Assertions.Expect(Unread("tickets")).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveTitleAsync("(1) Conversations");
        await Assertions.Expect(ConsolePage.Row(page, "Uma")).ToHaveClassAsync(new Regex("unread"));

        await visitor.StartChatAsync(second, "Viktor");
        await visitor.SendAsync(second, "v1", "Hi there");
        await Assertions.Expect(Unread("all")).ToHaveTextAsync("2 unread");
        await Assertions.Expect(page).ToHaveTitleAsync("(2) Conversations");
        await BrowserFixture.ScreenshotAsync(page, "unread-counts");

        // Opening a conversation reads it; a visitor writing in the open conversation is seen at once.
        await ConsolePage.Row(page, "Uma").ClickAsync();
        await Assertions.Expect(Unread("all")).ToHaveTextAsync("1 unread");
        await Assertions.Expect(page).ToHaveTitleAsync("(1) Conversations");
        await visitor.SendAsync(first, "u2", "Still there?");
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("Still there?");
        await Assertions.Expect(Unread("all")).ToHaveTextAsync("1 unread");
        await ConsolePage.Row(page, "Viktor").ClickAsync();
        await Assertions.Expect(Unread("all")).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveTitleAsync("Conversations");
    }

    /// <summary>Counts what the console asks of the browser: desktop notifications (passed on to the real API) and chimes.</summary>
    private const string Recorder = """
        window.__notified = [];
        window.__chimes = 0;
        const RealNotification = window.Notification;
        window.Notification = class extends RealNotification {
          constructor(title, options) { super(title, options); window.__notified.push(title); }
        };
        const oscillator = AudioContext.prototype.createOscillator;
        AudioContext.prototype.createOscillator = function () { window.__chimes++; return oscillator.call(this); };
        """;

    [Fact, Trait("Spec", "CHAT-1"), Trait("Spec", "INB-6"), Trait("Spec", "ADM-2")]
    public async Task CHAT1_INB6_ADM2_sound_and_desktop_notifications_follow_the_agents_own_setting_into_another_browser()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await NotifyingConsoleAsync(agent);
        await using var _ = context;
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);

        // By default: a sound, no desktop notification.
        var first = Guid.NewGuid();
        await visitor.StartChatAsync(first, "Wanda");
        await visitor.SendAsync(first, "w1", "First question");
        await Assertions.Expect(ConsolePage.Row(page, "Wanda")).ToBeVisibleAsync();
        await WaitForAsync(async () => await Chimes(page) > 0);
        Assert.Empty(await Notified(page));

        // The agent turns desktop notifications on and the sound off; the choice is stored on the agent, server-side.
        await page.GetByLabel("Notifications").ClickAsync();
        await page.GetByRole(AriaRole.Menuitemradio, new() { Name = "Desktop notifications" }).ClickAsync();
        await page.GetByLabel("Notifications").ClickAsync();
        await page.GetByRole(AriaRole.Menuitemradio, new() { Name = "Sound" }).ClickAsync();
        await WaitForAsync(async () =>
        {
            var stored = await agent.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me/notifications");
            return stored.GetProperty("desktop").GetBoolean() && !stored.GetProperty("sound").GetBoolean();
        });

        // Another browser (a fresh context: no shared storage) signs the same agent in and uses the same choice.
        var (otherContext, other) = await NotifyingConsoleAsync(agent);
        await using var __ = otherContext;
        await Assertions.Expect(other.GetByTestId("connection-state")).ToHaveTextAsync("Live");
        await other.GetByLabel("Notifications").ClickAsync();
        await Assertions.Expect(other.GetByRole(AriaRole.Menuitemradio, new() { Name = "Desktop notifications" })).ToHaveAttributeAsync("aria-checked", "true");
        await Assertions.Expect(other.GetByRole(AriaRole.Menuitemradio, new() { Name = "Sound" })).ToHaveAttributeAsync("aria-checked", "false");
        await BrowserFixture.ScreenshotAsync(other, "notification-settings");
        await other.Keyboard.PressAsync("Escape");

        await visitor.SendAsync(first, "w2", "Are you there?");
        await WaitForAsync(async () => (await Notified(other)).Any(t => t.Contains("Wanda")));
        await WaitForAsync(async () => (await Notified(page)).Any(t => t.Contains("Wanda")));
        Assert.Equal(0, await Chimes(other));
    }

    [Fact, Trait("Spec", "ADM-2")]
    public async Task ADM2_notification_preferences_are_the_callers_own_and_refuse_a_malformed_body()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        using var colleague = await SignedInAgent.CreateAsync(fixture);
        var initial = await agent.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me/notifications");
        Assert.True(initial.GetProperty("sound").GetBoolean());
        Assert.False(initial.GetProperty("desktop").GetBoolean());

        (await agent.Http.PutAsJsonAsync("/api/v1/me/notifications", new { sound = false, desktop = true })).EnsureSuccessStatusCode();
        var stored = await agent.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me/notifications");
        Assert.False(stored.GetProperty("sound").GetBoolean());
        Assert.True(stored.GetProperty("desktop").GetBoolean());
        var theirs = await colleague.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me/notifications");
        Assert.True(theirs.GetProperty("sound").GetBoolean());

        using var malformed = new StringContent("{\"sound\": \"loud\"}", System.Text.Encoding.UTF8, "application/json");
        var refused = await agent.Http.PutAsync("/api/v1/me/notifications", malformed);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private async Task<(IBrowserContext Context, IPage Page)> NotifyingConsoleAsync(SignedInAgent agent)
    {
        var context = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        await context.GrantPermissionsAsync(["notifications"], new() { Origin = fixture.Web.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await context.AddInitScriptAsync(Recorder);
        var page = await context.NewPageAsync();
        await ConsolePage.SignInAsync(page, fixture, agent);
        return (context, page);
    }

    private static Task<int> Chimes(IPage page) => page.EvaluateAsync<int>("() => window.__chimes");

    private static Task<string[]> Notified(IPage page) => page.EvaluateAsync<string[]>("() => window.__notified");

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The expected state was not reached in 10 s.");
    }
}
