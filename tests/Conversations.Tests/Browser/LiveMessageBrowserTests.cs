using System.Net.Http.Json;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class LiveMessageBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "CHAT-1"), Trait("Spec", "INB-6")]
    public async Task CHAT1_INB6_the_console_shows_a_visitor_message_live_without_a_refresh()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var property = agent.PropertyId;
        var browser = browsers.Browser;
        await using var agentContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        await using var visitorContext = await browser.NewContextAsync();
        var console = await agentContext.NewPageAsync();
        var site = await visitorContext.NewPageAsync();

        await console.GotoAsync(Url($"/?property={property}"));
        await console.GetByLabel("Email").FillAsync(agent.Email);
        await console.GetByLabel("Password").FillAsync(SignedInAgent.Password);
        await console.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(console.GetByTestId("connection-state")).ToHaveTextAsync("Live");

        await site.GotoAsync(Url($"/demo.html?property={property}"));
        await site.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
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

    [Fact, Trait("Spec", "ADM-2")]
    public async Task ADM2_the_console_asks_for_a_sign_in_and_shows_a_wrong_password_in_place()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var context = await browsers.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url("/"));
        await page.GetByLabel("Email").FillAsync(agent.Email);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is wrong.");
        await BrowserFixture.ScreenshotAsync(page, "sign-in-error");

        await page.GetByLabel("Password").FillAsync(SignedInAgent.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("Live");
        await Assertions.Expect(page.GetByLabel("Property")).ToHaveValueAsync(agent.PropertyId);
    }

    [Fact, Trait("Spec", "CHAT-8")]
    public async Task CHAT8_when_the_agent_closes_the_chat_the_visitor_rates_it_and_the_rating_shows_in_the_chat()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var online = await agent.GoOnlineAsync(fixture);
        await using var visitorContext = await browsers.Browser.NewContextAsync();
        var site = await visitorContext.NewPageAsync();
        await site.GotoAsync(Url($"/demo.html?property={agent.PropertyId}"));
        await site.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await site.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await site.GetByPlaceholder("Type a message").FillAsync("Thanks, that solved it");
        await site.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(site.GetByTestId("visitor-messages")).ToContainTextAsync("Thanks, that solved it");
        var chatId = Guid.Parse(await site.EvaluateAsync<string>($"localStorage.getItem(Object.keys(localStorage).find(k => k.includes('{agent.PropertyId}') && k.endsWith('chat')))"));

        (await agent.Http.PostAsync($"/api/v1/properties/{agent.PropertyId}/chats/{chatId}/close", null)).EnsureSuccessStatusCode();
        await Assertions.Expect(site.GetByTestId("rating-form")).ToBeVisibleAsync();
        await site.GetByPlaceholder("Anything to add? (optional)").FillAsync("Quick and kind");
        await site.GetByRole(AriaRole.Button, new() { Name = "Good" }).ClickAsync();
        await Assertions.Expect(site.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you for your feedback");

        var chat = await agent.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/properties/{agent.PropertyId}/chats/{chatId}");
        Assert.Equal("Good", chat.GetProperty("rating").GetProperty("value").GetString());
        Assert.Equal("Quick and kind", chat.GetProperty("rating").GetProperty("comment").GetString());
    }

    private string Url(string path) => new Uri(fixture.Web.BaseAddress, path).ToString();
}
