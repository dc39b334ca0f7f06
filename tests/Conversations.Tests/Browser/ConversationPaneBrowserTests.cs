using Conversations.Grains.Interfaces.Chats;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class ConversationPaneBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "CHAT-2"), Trait("Spec", "CHAT-3"), Trait("Spec", "TIC-4")]
    public async Task CHAT2_CHAT3_TIC4_an_agent_whispers_closes_after_confirming_and_converts_a_chat_to_a_ticket()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var chatId = Guid.NewGuid();
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        await using var context = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, agent);

        await visitor.StartChatAsync(chatId, "Dana");
        await visitor.SendAsync(chatId, "c1", "My order is late");
        var row = page.GetByTestId("chat-list").GetByRole(AriaRole.Button, new() { Name = "Dana" });
        await row.ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("My order is late");

        await page.GetByLabel("Whisper").CheckAsync();
        await page.GetByPlaceholder("Type a reply").FillAsync("Check the courier first");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".messages li.internal")).ToContainTextAsync("Check the courier first");
        Assert.DoesNotContain((await visitor.GetMessagesAsync(chatId)).Select(m => m.Text), t => t.Contains("courier"));

        page.Dialog += async (_, dialog) => await (dialog.Type == "prompt" ? dialog.AcceptAsync("dana@example.com") : dialog.AcceptAsync());
        await page.GetByLabel("Chat status").SelectOptionAsync("Closed");
        await Assertions.Expect(page.GetByLabel("Chat status")).ToBeDisabledAsync();
        Assert.Equal(ChatStatus.Closed, (await fixture.Cluster.Client.GetGrain<IChatGrain>(chatId).GetAsync(agent.PropertyId)).Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Convert to Ticket" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Status").GetByRole(AriaRole.Button, new() { Name = "Open" })).ToHaveClassAsync("active");
        await Assertions.Expect(page.Locator(".detail-header")).ToContainTextAsync("dana@example.com");
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("My order is late");
        await BrowserFixture.ScreenshotAsync(page, "ticket-from-chat");
    }

    private async Task SignInAsync(IPage page, SignedInAgent agent)
    {
        await page.GotoAsync(new Uri(fixture.Web.BaseAddress, $"/?property={agent.PropertyId}").ToString());
        await page.GetByLabel("Email").FillAsync(agent.Email);
        await page.GetByLabel("Password").FillAsync(SignedInAgent.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("Live");
    }
}
