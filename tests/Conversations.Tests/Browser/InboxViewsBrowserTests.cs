using System.Net.Http.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>The inbox list: one space, five views, its columns, filters and sort, and Trash and Spam.</summary>
[Collection(WebCollection.Name)]
public sealed class InboxViewsBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "INB-1"), Trait("Spec", "INB-2")]
    public async Task INB1_INB2_chats_and_tickets_share_one_inbox_and_trash_and_spam_show_only_in_their_views()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        Guid chat = Guid.NewGuid(), trashedChat = Guid.NewGuid();
        await visitor.StartChatAsync(chat, "Chatty");
        await visitor.SendAsync(chat, "c1", "Hello"); // a chat is in the inbox from its first message (INB-1)
        await visitor.StartChatAsync(trashedChat, "Trashy");
        await visitor.SendAsync(trashedChat, "t1", "Hello");
        await visitor.StartChatAsync(Guid.NewGuid(), "Silent"); // opened the widget and never wrote: in no view
        await ConsolePage.CreateTicketAsync(agent, "Ticket one");
        var spamTicket = await ConsolePage.CreateTicketAsync(agent, "Spammy ticket");
        (await agent.Http.PostAsync($"/api/v1/properties/{agent.PropertyId}/chats/{trashedChat}/trash", null)).EnsureSuccessStatusCode();
        (await agent.Http.PostAsync($"/api/v1/properties/{agent.PropertyId}/tickets/{spamTicket}/spam", null)).EnsureSuccessStatusCode();

        var rows = page.GetByTestId("chat-list").GetByRole(AriaRole.Button);
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(ConsolePage.Row(page, "Chatty")).ToBeVisibleAsync();
        await Assertions.Expect(ConsolePage.Row(page, "Ticket one")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-count=all]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-count=trash]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-count=spam]")).ToHaveTextAsync("1");

        var expected = new Dictionary<string, string[]>
        {
            ["Chats"] = ["Chatty"], ["Tickets"] = ["Ticket one"], ["Trash"] = ["Trashy"], ["Spam"] = ["Spammy ticket"],
        };
        foreach (var (name, titles) in expected)
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Views" }).GetByRole(AriaRole.Button, new() { Name = name }).ClickAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(titles.Length);
            foreach (var title in titles)
            {
                await Assertions.Expect(ConsolePage.Row(page, title)).ToBeVisibleAsync();
            }
        }

        await BrowserFixture.ScreenshotAsync(page, "spam-view");
    }

    [Fact, Trait("Spec", "INB-3")]
    public async Task INB3_rows_show_the_chat_and_ticket_columns()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        var properties = $"/api/v1/properties/{agent.PropertyId}";
        var department = await (await agent.Http.PostAsJsonAsync($"{properties}/departments", new { name = "Billing" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("Live");

        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Columna");
        await visitor.SendAsync(chatId, "c1", "one");
        await visitor.SendAsync(chatId, "c2", "two");
        (await agent.Http.PostAsync($"{properties}/chats/{chatId}/close", null)).EnsureSuccessStatusCode();
        await visitor.Hub.InvokeAsync("RateChat", agent.PropertyId, visitor.Session.VisitorToken, chatId, ChatRatingValue.Good, "great");
        var ticketId = await ConsolePage.CreateTicketAsync(agent, "Column ticket", "req@example.com", "High");
        (await agent.Http.PostAsJsonAsync($"{properties}/tickets/{ticketId}/assignee", new { kind = "Department", assigneeId = department.GetProperty("id").GetString() })).EnsureSuccessStatusCode();

        var chat = ConsolePage.Row(page, "Columna");
        await Assertions.Expect(chat.Locator("[data-col=status]")).ToContainTextAsync("Closed");
        await Assertions.Expect(chat.Locator("[data-col=messages]")).ToContainTextAsync("2");
        await Assertions.Expect(chat.Locator("[data-col=rating]")).ToContainTextAsync("Good");
        await Assertions.Expect(chat.Locator("[data-col=duration]")).ToContainTextAsync("min");
        await Assertions.Expect(chat.Locator("[data-col=assignee]")).ToContainTextAsync("—");
        await Assertions.Expect(chat.Locator("[data-col=updated]")).ToBeVisibleAsync();
        await Assertions.Expect(chat.Locator("[data-col=created]")).ToBeVisibleAsync();

        var ticket = ConsolePage.Row(page, "Column ticket");
        await Assertions.Expect(ticket).ToContainTextAsync("req@example.com");
        await Assertions.Expect(ticket.Locator("[data-col=assignee]")).ToContainTextAsync("Billing");
        await Assertions.Expect(ticket.Locator("[data-col=priority]")).ToContainTextAsync("High");
        await Assertions.Expect(ticket.Locator("[data-col=status]")).ToContainTextAsync("Open");
        await Assertions.Expect(ticket.Locator("[data-col=messages]")).ToContainTextAsync("1");
        await BrowserFixture.ScreenshotAsync(page, "inbox-columns");
    }

    [Fact, Trait("Spec", "INB-4"), Trait("Spec", "TIC-7")]
    public async Task INB4_TIC7_filters_combine_and_the_list_sorts_by_priority()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        var properties = $"/api/v1/properties/{agent.PropertyId}";
        var low = await ConsolePage.CreateTicketAsync(agent, "Low one", priority: "Low");
        var highest = await ConsolePage.CreateTicketAsync(agent, "Highest one", priority: "Highest");
        var medium = await ConsolePage.CreateTicketAsync(agent, "Medium one", priority: "Medium");
        (await agent.Http.PostAsJsonAsync($"{properties}/tickets/{highest}/assignee", new { kind = "Agent", assigneeId = agent.AgentId.ToString() })).EnsureSuccessStatusCode();
        (await agent.Http.PostAsJsonAsync($"{properties}/tickets/{medium}/assignee", new { kind = "Agent", assigneeId = agent.AgentId.ToString() })).EnsureSuccessStatusCode();
        (await agent.Http.PostAsJsonAsync($"{properties}/tickets/{medium}/tags", new { add = new[] { "vip" } })).EnsureSuccessStatusCode();
        (await agent.Http.PostAsJsonAsync($"{properties}/tickets/{low}/tags", new { add = new[] { "vip" } })).EnsureSuccessStatusCode();
        (await agent.Http.PostAsJsonAsync($"{properties}/tickets/{low}/replies", new { commandId = "r1", text = "more", status = "Pending" })).EnsureSuccessStatusCode();

        var rows = page.GetByTestId("chat-list").GetByRole(AriaRole.Button);
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await page.GetByLabel("Sort").SelectOptionAsync("priority");
        await Assertions.Expect(rows.Locator("strong")).ToHaveTextAsync(["Highest one", "Medium one", "Low one"]);

        await page.GetByLabel("Assigned filter").SelectOptionAsync(new SelectOptionValue { Value = agent.AgentId.ToString() });
        await Assertions.Expect(rows.Locator("strong")).ToHaveTextAsync(["Highest one", "Medium one"]);
        await page.GetByLabel("Tags filter").FillAsync("vip");
        await Assertions.Expect(rows.Locator("strong")).ToHaveTextAsync(["Medium one"]);
        await page.GetByLabel("Assigned filter").SelectOptionAsync("");
        await Assertions.Expect(rows.Locator("strong")).ToHaveTextAsync(["Medium one", "Low one"]);
        await page.GetByLabel("Minimum message count").FillAsync("2");
        await Assertions.Expect(rows.Locator("strong")).ToHaveTextAsync(["Low one"]);
        await ConsolePage.SetStatusFilterAsync(page, "open");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await ConsolePage.SetStatusFilterAsync(page, "pending");
        await Assertions.Expect(rows.Locator("strong")).ToHaveTextAsync(["Low one"]);
        await page.GetByLabel("Minimum message count").FillAsync("");
        await page.GetByLabel("Tags filter").FillAsync("");
        await ConsolePage.SetStatusFilterAsync(page);
        await Assertions.Expect(rows).ToHaveCountAsync(3);

        var today = DateTime.Now.ToString("yyyy-MM-dd");
        var tomorrow = DateTime.Now.AddDays(1).ToString("yyyy-MM-dd");
        await page.GetByLabel("Updated from").FillAsync(tomorrow);
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("empty-list")).ToHaveTextAsync("Nothing matches these filters.");
        await page.GetByLabel("Updated from").FillAsync(today);
        await page.GetByLabel("Updated to").FillAsync(today);
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#list-status")).ToHaveTextAsync("3 in this view");
        await BrowserFixture.ScreenshotAsync(page, "inbox-filters");
    }

    [Fact, Trait("Spec", "BIN-1"), Trait("Spec", "INB-6")]
    public async Task BIN1_a_deleted_chat_goes_to_trash_and_restore_brings_it_back_exactly_as_it_was_in_both_consoles()
    {
        using var first = await SignedInAgent.CreateAsync(fixture);
        using var second = await SignedInAgent.CreateAsync(fixture, first.PropertyId, PropertyRole.Agent);
        var (firstContext, a) = await ConsolePage.OpenAsync(browsers, fixture, first);
        await using var _ = firstContext;
        var (secondContext, b) = await ConsolePage.OpenAsync(browsers, fixture, second);
        await using var __ = secondContext;
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, first.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Restorable");
        await visitor.SendAsync(chatId, "m1", "keep me");
        (await first.Http.PostAsJsonAsync($"/api/v1/properties/{first.PropertyId}/chats/{chatId}/tags", new { add = new[] { "refund" } })).EnsureSuccessStatusCode();
        var before = await fixture.Cluster.Client.GetGrain<IChatGrain>(chatId).GetAsync(first.PropertyId);

        await ConsolePage.Row(a, "Restorable").ClickAsync();
        await ConsolePage.ChooseAsync(a, "Chat options", "Delete chat");
        await Assertions.Expect(a.GetByTestId("conversation-status")).ToHaveTextAsync("Trashed");
        await Assertions.Expect(ConsolePage.Row(b, "Restorable")).ToHaveCountAsync(0);
        await b.GetByRole(AriaRole.Button, new() { Name = "Trash" }).ClickAsync();
        await ConsolePage.Row(b, "Restorable").ClickAsync();
        await b.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Assertions.Expect(ConsolePage.Row(b, "Restorable")).ToHaveCountAsync(0);
        await Assertions.Expect(a.GetByTestId("conversation-status")).ToHaveTextAsync("Open");
        await Assertions.Expect(ConsolePage.Row(a, "Restorable")).ToContainTextAsync("#refund");

        var after = await fixture.Cluster.Client.GetGrain<IChatGrain>(chatId).GetAsync(first.PropertyId);
        Assert.Equal((before.Status, before.MessageCount, before.Bin, before.TicketId), (after.Status, after.MessageCount, after.Bin, after.TicketId));
        Assert.Equal(before.Tags, after.Tags);
        await Assertions.Expect(a.GetByTestId("messages")).ToContainTextAsync("keep me");
    }

    [Fact, Trait("Spec", "BIN-2"), Trait("Spec", "BIN-3"), Trait("Spec", "INB-5")]
    public async Task BIN2_BIN3_spam_is_restored_or_purged_after_a_confirmation_and_a_purged_item_is_gone_everywhere()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        var properties = $"/api/v1/properties/{agent.PropertyId}";
        var keep = await ConsolePage.CreateTicketAsync(agent, "Not really spam");
        var purge = await ConsolePage.CreateTicketAsync(agent, "Buy cheap pills");
        await ConsolePage.Row(page, "Buy cheap pills").ClickAsync();
        await page.GetByLabel("More options").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Mark as spam" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("conversation-status")).ToHaveTextAsync("Spam");
        await page.GetByLabel("Select Not really spam").CheckAsync();
        await page.Locator("#bulk").GetByRole(AriaRole.Button, new() { Name = "Spam" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("chat-list").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Views" }).GetByRole(AriaRole.Button, new() { Name = "Spam" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("chat-list").GetByRole(AriaRole.Button)).ToHaveCountAsync(2);
        await page.GetByLabel("Select Not really spam").CheckAsync();
        await page.Locator("#bulk").GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Assertions.Expect(ConsolePage.Row(page, "Not really spam")).ToHaveCountAsync(0);

        // Purge asks first: dismissed, nothing happens; accepted, the ticket is gone.
        await page.GetByLabel("Select Buy cheap pills").CheckAsync();
        await page.Locator("#bulk").GetByRole(AriaRole.Button, new() { Name = "Purge" }).ClickAsync();
        await ConsolePage.AnswerAsync(page, false);
        await Assertions.Expect(ConsolePage.Row(page, "Buy cheap pills")).ToBeVisibleAsync();
        Assert.True((await agent.Http.GetAsync($"{properties}/tickets/{purge}")).IsSuccessStatusCode);
        await page.Locator("#bulk").GetByRole(AriaRole.Button, new() { Name = "Purge" }).ClickAsync();
        await ConsolePage.AnswerAsync(page, true);
        await Assertions.Expect(page.GetByTestId("empty-list")).ToHaveTextAsync("No spam.");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await agent.Http.GetAsync($"{properties}/tickets/{purge}")).StatusCode);
        Assert.True((await agent.Http.GetAsync($"{properties}/tickets/{keep}")).IsSuccessStatusCode);

        await page.GetByRole(AriaRole.Button, new() { Name = "All" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("chat-list").GetByRole(AriaRole.Button)).ToHaveCountAsync(1);
        await Assertions.Expect(ConsolePage.Row(page, "Not really spam")).ToBeVisibleAsync();
    }
}
