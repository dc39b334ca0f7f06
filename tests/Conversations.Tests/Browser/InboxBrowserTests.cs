using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class InboxBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "INB-2"), Trait("Spec", "INB-5"), Trait("Spec", "INB-6"), Trait("Spec", "BIN-1")]
    public async Task INB5_INB6_one_agent_bulk_closes_and_deletes_and_another_agents_console_follows_live()
    {
        using var first = await SignedInAgent.CreateAsync(fixture);
        using var second = await SignedInAgent.CreateAsync(fixture, first.PropertyId, PropertyRole.Agent);
        await using var firstContext = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        await using var secondContext = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        var a = await firstContext.NewPageAsync();
        var b = await secondContext.NewPageAsync();
        await ConsolePage.SignInAsync(a, fixture, first);
        await ConsolePage.SignInAsync(b, fixture, second);
        await Assertions.Expect(a.GetByText("No conversations here yet")).ToBeVisibleAsync();

        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, first.PropertyId);
        Guid[] chats = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        for (var i = 0; i < chats.Length; i++)
        {
            await visitor.StartChatAsync(chats[i], $"Guest {i}");
            await visitor.SendAsync(chats[i], $"m{i}", $"hello {i}");
        }

        // INB-6: both consoles list the new chats without a refresh.
        foreach (var page in new[] { a, b })
        {
            await Assertions.Expect(page.GetByTestId("chat-list").GetByRole(AriaRole.Button)).ToHaveCountAsync(3);
        }

        await BrowserFixture.ScreenshotAsync(b, "inbox-1920");
        await a.GetByLabel("Select Guest 0").CheckAsync();
        await a.GetByLabel("Select Guest 1").CheckAsync();
        await a.GetByRole(AriaRole.Button, new() { Name = "✓ Close" }).ClickAsync();
        await ConsolePage.AnswerAsync(a, true);
        await Assertions.Expect(a.GetByRole(AriaRole.Status).Filter(new() { HasText = "done" })).ToContainTextAsync("2 done");
        await Assertions.Expect(ConsolePage.Row(b, "Guest 0")).ToContainTextAsync("Closed");
        Assert.Equal(ChatStatus.Closed, (await fixture.Cluster.Client.GetGrain<IChatGrain>(chats[1]).GetAsync(first.PropertyId)).Status);

        await a.GetByLabel("Select Guest 2").CheckAsync();
        await a.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(b.GetByTestId("chat-list").GetByRole(AriaRole.Button)).ToHaveCountAsync(2);
        await b.GetByRole(AriaRole.Button, new() { Name = "Trash" }).ClickAsync();
        await Assertions.Expect(ConsolePage.Row(b, "Guest 2")).ToBeVisibleAsync();

        // INB-4: a filter narrows the list.
        await ConsolePage.SetStatusFilterAsync(a, "open");
        await Assertions.Expect(a.GetByTestId("chat-list").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(a, "inbox-1280-filtered");
    }
}
