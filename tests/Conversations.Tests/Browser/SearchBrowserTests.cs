using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>SRCH-1 in the console: Ctrl+K, a list of hits with snippets, and a hit opening its conversation at the message.</summary>
[Collection(WebCollection.Name)]
public sealed class SearchBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "SRCH-1")]
    public async Task SRCH1_ctrl_k_searches_and_a_hit_opens_the_conversation_scrolled_to_the_message()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var ticketId = Guid.NewGuid();
        var tickets = $"/api/v1/properties/{agent.PropertyId}/tickets";
        (await agent.Http.PostAsJsonAsync(tickets, new { ticketId, subject = "Long thread", requesterEmail = "long@example.com", text = "first message" }))
            .EnsureSuccessStatusCode();
        for (var i = 2; i <= 40; i++)
        {
            var text = i == 5 ? "the <axolotl> escaped the tank" : $"filler reply number {i} with enough words to take some room on screen";
            (await agent.Http.PostAsJsonAsync($"{tickets}/{ticketId}/replies", new { commandId = $"r{i}", text })).EnsureSuccessStatusCode();
        }

        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await page.Keyboard.PressAsync("Control+k");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search all conversations" });
        await Assertions.Expect(box).ToBeFocusedAsync();

        var hit = await ConsolePage.SearchUntilFoundAsync(page, "axolotl");

        await Assertions.Expect(hit).ToHaveCountAsync(1);
        await Assertions.Expect(hit).ToContainTextAsync("message 5");
        await Assertions.Expect(hit.Locator(".search-snippet mark")).ToHaveTextAsync("axolotl");
        await Assertions.Expect(hit.Locator(".search-snippet")).ToContainTextAsync("the <axolotl> escaped");
        await BrowserFixture.ScreenshotAsync(page, "search-results");

        await hit.ClickAsync();
        var target = page.Locator("[data-testid=messages] li[data-sequence='5']");
        await Assertions.Expect(target).ToHaveClassAsync(new Regex("search-target"));
        await Assertions.Expect(target).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("[data-testid=messages] li[data-sequence='40']")).Not.ToBeInViewportAsync();
    }
}
