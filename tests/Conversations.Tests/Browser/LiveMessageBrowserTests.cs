using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class LiveMessageBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    private readonly string _property = "browser-" + Guid.NewGuid().ToString("N")[..8];

    [Fact, Trait("Spec", "CHAT-1"), Trait("Spec", "INB-6")]
    public async Task CHAT1_INB6_the_console_shows_a_visitor_message_live_without_a_refresh()
    {
        var browser = browsers.Browser;
        await using var agentContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        await using var visitorContext = await browser.NewContextAsync();
        var console = await agentContext.NewPageAsync();
        var site = await visitorContext.NewPageAsync();

        await console.GotoAsync(Url($"/?property={_property}"));
        await Assertions.Expect(console.GetByTestId("connection-state")).ToHaveTextAsync("Live");

        await site.GotoAsync(Url($"/demo.html?property={_property}"));
        await site.GetByPlaceholder("Your name (optional)").FillAsync("Ann <b>Visitor</b>");
        await site.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await site.GetByPlaceholder("Type a message").FillAsync("Hello <img src=x onerror=alert(1)>");
        await site.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(site.GetByTestId("visitor-messages")).ToContainTextAsync("Hello <img src=x onerror=alert(1)>");

        var row = console.GetByTestId("chat-list").GetByRole(AriaRole.Button);
        await Assertions.Expect(row).ToContainTextAsync("Ann <b>Visitor</b>");
        await row.ClickAsync();
        await Assertions.Expect(console.GetByTestId("messages")).ToContainTextAsync("Hello <img src=x onerror=alert(1)>");
        Assert.Equal(0, await console.Locator("[data-testid=messages] img").CountAsync());

        await console.GetByPlaceholder("Type a reply").FillAsync("Hi Ann, how can I help?");
        await console.Keyboard.PressAsync("Enter");
        await Assertions.Expect(site.GetByTestId("visitor-messages")).ToContainTextAsync("Hi Ann, how can I help?");

        await BrowserFixture.ScreenshotAsync(console, "console-live-chat");
        await BrowserFixture.ScreenshotAsync(site, "demo-site-chat");
    }

    private string Url(string path) => new Uri(fixture.Web.BaseAddress, path).ToString();
}
