using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>The side tabs where they used to be empty (issue 19): Knowledge with no conversation open, Details of a ticket's requester.</summary>
[Collection(WebCollection.Name)]
public sealed class SidePanelBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "KB-2")]
    public async Task KB2_with_no_conversation_open_the_knowledge_tab_says_what_is_missing_then_browses_articles_by_category()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        var tab = page.Locator("#sidebar");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Knowledge" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(tab.GetByTestId("kb-empty")).ToContainTextAsync("No knowledge base yet");

        var properties = $"/api/v1/properties/{agent.PropertyId}";
        var help = (await (await agent.Http.PostAsJsonAsync($"{properties}/knowledge-bases", new { name = "Help" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var orders = (await (await agent.Http.PostAsJsonAsync($"{properties}/knowledge-bases/{help}/categories", new { name = "Orders" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetString();
        foreach (var (title, body, categoryId) in new[]
        {
            ("Returns and exchanges", "Send it back within **30 days**.", orders),
            ("Opening hours", "We answer from 8 to 20, Monday to Saturday.", null),
        })
        {
            (await agent.Http.PostAsJsonAsync($"{properties}/knowledge-bases/{help}/articles", new
            {
                title, slug = title.ToLowerInvariant().Replace(' ', '-'), body, status = "Published", categoryId,
            })).EnsureSuccessStatusCode();
        }

        await page.ReloadAsync();
        var browse = tab.GetByTestId("kb-browse");
        await Assertions.Expect(browse.Locator("li.article")).ToHaveCountAsync(2);
        await Assertions.Expect(browse).ToContainTextAsync("Orders");
        // Nothing to insert into yet: the tab says so instead of offering buttons that would do nothing.
        await Assertions.Expect(tab).ToContainTextAsync("Open a conversation to insert an article into your reply.");
        await Assertions.Expect(browse.GetByRole(AriaRole.Button, new() { Name = "Insert text of Opening hours" })).ToHaveCountAsync(0);

        await tab.GetByLabel("Knowledge base to search").SelectOptionAsync(new SelectOptionValue { Label = "Help" });
        await tab.GetByLabel("Category to search").SelectOptionAsync(new SelectOptionValue { Label = "Orders" });
        await Assertions.Expect(browse.Locator("li.article")).ToHaveCountAsync(1);
        await browse.GetByRole(AriaRole.Button, new() { Name = "Returns and exchanges" }).ClickAsync();
        await Assertions.Expect(browse.GetByTestId("article-preview")).ToContainTextAsync("Send it back within 30 days.");
        await Screens.CheckAsync(page, "screen-knowledge-browse");

        // With a chat open the same list inserts into the reply.
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Eve");
        await visitor.SendAsync(chatId, "e1", "When are you open?");
        await ConsolePage.Row(page, "Eve").ClickAsync();
        await tab.GetByLabel("Category to search").SelectOptionAsync(new SelectOptionValue { Label = "All categories" });
        await browse.GetByRole(AriaRole.Button, new() { Name = "Insert text of Opening hours" }).ClickAsync();
        await Assertions.Expect(page.GetByPlaceholder("Type a reply")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^We answer from 8 to 20, Monday to Saturday\\.\\s*$"));
        await Assertions.Expect(tab).Not.ToContainTextAsync("Open a conversation to insert");
    }

    /// <summary>Issue 19: a ticket an agent opens for an address gives its requester a profile, so Details is the editable profile, not a read-only fallback.</summary>
    [Fact, Trait("Spec", "VIS-1"), Trait("Spec", "TIC-1")]
    public async Task VIS1_a_ticket_an_agent_opens_for_an_address_shows_its_requesters_profile_in_details()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await ConsolePage.CreateTicketAsync(agent, "Where is my parcel?", "rita@example.com");
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await ConsolePage.Row(page, "Where is my parcel?").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Details" }).ClickAsync();
        var about = page.GetByRole(AriaRole.Form, new() { Name = "About" });
        await Assertions.Expect(about.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Rita");
        await Assertions.Expect(about.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync("rita@example.com");
        await Assertions.Expect(page.GetByTestId("requester-details")).ToHaveCountAsync(0);
    }
}
