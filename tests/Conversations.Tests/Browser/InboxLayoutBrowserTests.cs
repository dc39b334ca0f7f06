using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>The inbox laid out as agents expect it (issue 19): a sortable, virtual table, filters that stay, bulk results that stay.</summary>
[Collection(WebCollection.Name)]
public sealed class InboxLayoutBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "INB-3"), Trait("Spec", "INB-4"), Trait("Spec", "TIC-7")]
    public async Task INB3_TIC7_the_table_sorts_by_its_headers_and_filters_by_priority_and_several_statuses()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var properties = $"/api/v1/properties/{agent.PropertyId}";
        await ConsolePage.CreateTicketAsync(agent, "Low one", priority: "Low");
        var highest = await ConsolePage.CreateTicketAsync(agent, "Highest one", priority: "Highest");
        var pending = await ConsolePage.CreateTicketAsync(agent, "Medium pending", priority: "Medium");
        (await agent.Http.PostAsJsonAsync($"{properties}/tickets/{highest}/status", new { status = "Closed" })).EnsureSuccessStatusCode();
        (await agent.Http.PostAsJsonAsync($"{properties}/tickets/{pending}/replies", new { commandId = "r1", text = "wait", status = "Pending" })).EnsureSuccessStatusCode();
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        var titles = page.GetByTestId("chat-list").GetByRole(AriaRole.Button).Locator("strong");

        // Column headers name the columns; Updated and Priority sort.
        var headers = page.GetByRole(AriaRole.Columnheader);
        await Assertions.Expect(headers).ToContainTextAsync(["Conversation", "Agent", "Msgs", "Duration", "Rating", "Priority", "Status", "Updated"]);
        await Assertions.Expect(titles).ToHaveTextAsync(["Medium pending", "Highest one", "Low one"]);
        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Priority" }).GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(titles).ToHaveTextAsync(["Highest one", "Medium pending", "Low one"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Priority" })).ToHaveAttributeAsync("aria-sort", "descending");
        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Updated" }).GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(titles).ToHaveTextAsync(["Medium pending", "Highest one", "Low one"]);

        // INB-4: several statuses at once; TIC-7: the priority filter.
        await ConsolePage.SetStatusFilterAsync(page, "open", "pending");
        await Assertions.Expect(titles).ToHaveTextAsync(["Medium pending", "Low one"]);
        await page.GetByLabel("Priority filter").SelectOptionAsync("Low");
        await Assertions.Expect(titles).ToHaveTextAsync(["Low one"]);
        await ConsolePage.SetStatusFilterAsync(page);
        await page.GetByLabel("Priority filter").SelectOptionAsync("Highest");
        await Assertions.Expect(titles).ToHaveTextAsync(["Highest one"]);
        await Assertions.Expect(page.Locator("#list-status")).ToHaveTextAsync("1 in this view");
        await BrowserFixture.ScreenshotAsync(page, "inbox-priority-filter");
    }

    [Fact, Trait("Spec", "INB-2"), Trait("Spec", "INB-4")]
    public async Task INB2_a_long_list_draws_only_the_rows_in_view_and_its_labeled_filters_stay_on_screen_while_it_scrolls()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        for (var i = 1; i <= 120; i++)
        {
            await ConsolePage.CreateTicketAsync(agent, $"Bulk ticket {i:000}");
        }

        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent, 1440, 900);
        await using var _ = context;
        await Assertions.Expect(page.Locator("#list-status")).ToHaveTextAsync("120 in this view");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Conversations" });
        await Assertions.Expect(table).ToHaveAttributeAsync("aria-rowcount", "51");
        var drawn = await page.GetByTestId("chat-list").GetByRole(AriaRole.Row).CountAsync();
        Assert.InRange(drawn, 10, 40);

        // Every filter has a visible label, and they stay in view while the table scrolls to its end.
        foreach (var label in new[] { "Status", "Assigned", "Priority", "Tags", "Min. messages", "Updated (from – to)", "Sort" })
        {
            await Assertions.Expect(page.Locator("#filters .field-label", new() { HasTextString = label }).First).ToBeVisibleAsync();
        }

        await page.Locator("#chats").EvaluateAsync("e => e.scrollTop = e.scrollHeight");
        await Assertions.Expect(page.GetByTestId("chat-list").GetByRole(AriaRole.Row).Last).ToContainTextAsync("Bulk ticket 071");
        await Assertions.Expect(page.GetByLabel("Tags filter")).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Updated" })).ToBeInViewportAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Load more" }).ClickAsync();
        await Assertions.Expect(table).ToHaveAttributeAsync("aria-rowcount", "101");

        // j walks the list past the rows drawn so far.
        await page.Locator("#chats").EvaluateAsync("e => e.scrollTop = 0");
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("j");
        }

        await Assertions.Expect(ConsolePage.Row(page, "Bulk ticket 081").GetByRole(AriaRole.Button)).ToBeFocusedAsync();
        await BrowserFixture.ScreenshotAsync(page, "inbox-long-list");
    }

    [Fact, Trait("Spec", "INB-5"), Trait("Spec", "BIN-2")]
    public async Task INB5_BIN2_the_bulk_result_stays_after_the_list_refreshes_and_a_purged_open_conversation_leaves_no_error()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var properties = $"/api/v1/properties/{agent.PropertyId}";
        await ConsolePage.CreateTicketAsync(agent, "Keep me open");
        var closed = await ConsolePage.CreateTicketAsync(agent, "Already closed");
        (await agent.Http.PostAsJsonAsync($"{properties}/tickets/{closed}/status", new { status = "Closed" })).EnsureSuccessStatusCode();
        var junk = await ConsolePage.CreateTicketAsync(agent, "Junk to purge");
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;

        // The result stays while the list refreshes around it (closing a closed ticket again is no error).
        await page.GetByLabel("Select Keep me open").CheckAsync();
        await page.GetByLabel("Select Already closed").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "✓ Close" }).ClickAsync();
        await ConsolePage.AnswerAsync(page, true);
        var result = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "done" });
        await Assertions.Expect(result).ToHaveTextAsync(new Regex("^2 done\\."));
        await Assertions.Expect(ConsolePage.Row(page, "Keep me open").Locator("[data-col=status]")).ToHaveTextAsync("Closed");
        await Assertions.Expect(page.Locator("#list-status")).ToHaveTextAsync("3 in this view");
        await Assertions.Expect(result).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "bulk-result");
        await result.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Assertions.Expect(result).ToHaveCountAsync(0);

        // The open ticket is purged (here, from its own pane): the console goes back to the list, with no error anywhere.
        (await agent.Http.PostAsync($"{properties}/tickets/{junk}/spam", null)).EnsureSuccessStatusCode();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Views" }).GetByRole(AriaRole.Button, new() { Name = "Spam" }).ClickAsync();
        await ConsolePage.Row(page, "Junk to purge").ClickAsync();
        await page.Locator("#detail").GetByRole(AriaRole.Button, new() { Name = "Purge" }).ClickAsync();
        await ConsolePage.AnswerAsync(page, true);
        await Assertions.Expect(page.Locator("#detail")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[role=alert]:not(:empty)")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("empty-list")).ToHaveTextAsync("No spam.");
    }

    [Fact, Trait("Spec", "ADM-1"), Trait("Spec", "CHAT-1")]
    public async Task ADM1_CHAT1_the_switcher_names_properties_the_page_has_a_favicon_and_visitor_and_agent_messages_sit_on_opposite_sides()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        (await agent.Http.PutAsJsonAsync($"/api/v1/properties/{agent.PropertyId}/name", new { name = "Acme Support" })).EnsureSuccessStatusCode();
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Sid");
        await visitor.SendAsync(chatId, "s1", "Hello from the left");
        (await agent.Http.PostAsJsonAsync($"/api/v1/properties/{agent.PropertyId}/chats/{chatId}/messages", new { commandId = "a1", text = "Hello from the right" })).EnsureSuccessStatusCode();
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;

        await Assertions.Expect(page.GetByLabel("Property", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync("Acme Support");
        await Assertions.Expect(page.GetByLabel("Property", new() { Exact = true })).ToHaveValueAsync(agent.PropertyId);
        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var favicon = await page.APIRequest.GetAsync(new Uri(fixture.Web.BaseAddress, icon!).ToString());
        Assert.Equal(200, favicon.Status);
        Assert.Contains("svg", favicon.Headers["content-type"]);

        await ConsolePage.Row(page, "Sid").ClickAsync();
        var transcript = (await page.GetByTestId("messages").BoundingBoxAsync())!;
        var fromVisitor = (await page.GetByTestId("messages").Locator("li.visitor .bubble").BoundingBoxAsync())!;
        var fromAgent = (await page.GetByTestId("messages").Locator("li.agent .bubble").BoundingBoxAsync())!;
        Assert.True(fromVisitor.X - transcript.X < 60, $"The visitor's message starts {fromVisitor.X - transcript.X}px from the left.");
        Assert.True(transcript.X + transcript.Width - (fromAgent.X + fromAgent.Width) < 30, "The agent's message does not end at the right.");
    }
}
