using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>The ticket pane: creating, replying with a status, status, assignee, priority and tags; chat tags.</summary>
[Collection(WebCollection.Name)]
public sealed class TicketBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "TIC-1"), Trait("Spec", "CHAT-4")]
    public async Task TIC1_an_agent_creates_a_ticket_in_the_console_and_another_from_a_chats_options_menu()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;

        await page.GetByRole(AriaRole.Button, new() { Name = "New ticket" }).ClickAsync();
        await page.GetByLabel("Subject").FillAsync("Broken login");
        await page.GetByLabel("Requester email").FillAsync("not an email");
        await page.GetByLabel("Requester name").FillAsync("Lou");
        await page.GetByLabel("New ticket priority").SelectOptionAsync("High");
        await page.GetByLabel("First message").FillAsync("Lou cannot sign in since Monday.");
        await page.GetByLabel("Requester email").EvaluateAsync("e => e.type = 'text'"); // let the server judge the address
        await page.GetByRole(AriaRole.Button, new() { Name = "Create ticket" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Form, new() { Name = "New ticket" }).GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();
        await BrowserFixture.ScreenshotAsync(page, "new-ticket-error");
        await page.GetByLabel("Requester email").FillAsync("lou@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create ticket" }).ClickAsync();
        await Assertions.Expect(page.Locator(".detail-header h2")).ToHaveTextAsync("Broken login");
        await Assertions.Expect(page.GetByLabel("Priority", new() { Exact = true })).ToHaveValueAsync("High");
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("Lou cannot sign in since Monday.");
        await Assertions.Expect(ConsolePage.Row(page, "Broken login")).ToContainTextAsync("lou@example.com");

        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Mo");
        await visitor.SendAsync(chatId, "m1", "Please email me the manual");
        await ConsolePage.Row(page, "Mo").ClickAsync();
        await ConsolePage.ChooseAsync(page, "Chat options", "Create ticket");
        await ConsolePage.AnswerAsync(page, true, "mo@example.com");
        await Assertions.Expect(page.Locator(".detail-header")).ToContainTextAsync("mo@example.com");
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("Please email me the manual");
        await Assertions.Expect(page.GetByTestId("chat-list").GetByRole(AriaRole.Button).Filter(new() { HasText = "Ticket" })).ToHaveCountAsync(2);
    }

    [Fact, Trait("Spec", "TIC-2"), Trait("Spec", "TIC-3"), Trait("Spec", "TIC-5")]
    public async Task TIC2_TIC3_TIC5_a_reply_goes_out_by_email_with_its_status_the_answer_appears_live_and_closed_greys_the_status()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        var ticketId = await ConsolePage.CreateTicketAsync(agent, "Where is my refund", "nina@example.com");
        await ConsolePage.Row(page, "Where is my refund").ClickAsync();

        await page.GetByPlaceholder("Type a reply").FillAsync("We are on it, Nina.");
        await ConsolePage.ChooseAsync(page, "Send and set status", "Send & mark pending");
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("We are on it, Nina.");
        await Assertions.Expect(page.GetByLabel("Status", new() { Exact = true }).GetByRole(AriaRole.Button, new() { Name = "Pending" })).ToHaveClassAsync("active");
        await Assertions.Expect(ConsolePage.Row(page, "Where is my refund").Locator("[data-col=status]")).ToContainTextAsync("Pending");

        // TIC-2: the requester's emailed answer (posted as the inbound mail listener does; the email tests cover SMTP) is appended to the same ticket, live.
        await fixture.Cluster.Client.GetGrain<ITicketGrain>(ticketId).PostMessageAsync(
            new PostMessage(agent.PropertyId, "mail-1", AuthorKind.Visitor, "nina@example.com", "Nina", "Thanks, any news?"));
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("Thanks, any news?");

        await page.GetByPlaceholder("Type a reply").FillAsync("Refunded today.");
        await ConsolePage.ChooseAsync(page, "Send and set status", "Send & mark closed");
        await ConsolePage.AnswerAsync(page, false);
        await Assertions.Expect(page.GetByLabel("Status", new() { Exact = true }).GetByRole(AriaRole.Button, new() { Name = "Closed" })).ToBeEnabledAsync();
        await ConsolePage.ChooseAsync(page, "Send and set status", "Send & mark closed");
        await ConsolePage.AnswerAsync(page, true);
        foreach (var status in new[] { "Open", "Pending", "Closed" })
        {
            await Assertions.Expect(page.GetByLabel("Status", new() { Exact = true }).GetByRole(AriaRole.Button, new() { Name = status })).ToBeDisabledAsync();
        }

        var messages = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{agent.PropertyId}/tickets/{ticketId}/messages");
        Assert.Equal(1, messages.EnumerateArray().Count(m => m.GetProperty("text").GetString() == "Refunded today."));
        var reopened = await agent.Http.PostAsJsonAsync($"/api/v1/properties/{agent.PropertyId}/tickets/{ticketId}/status", new { status = "Open" });
        Assert.False(reopened.IsSuccessStatusCode);
        await BrowserFixture.ScreenshotAsync(page, "ticket-closed");
    }

    [Fact, Trait("Spec", "TIC-6"), Trait("Spec", "TIC-7"), Trait("Spec", "INB-6")]
    public async Task TIC6_TIC7_assignee_and_priority_changes_in_one_console_show_live_in_another()
    {
        using var first = await SignedInAgent.CreateAsync(fixture);
        using var second = await SignedInAgent.CreateAsync(fixture, first.PropertyId, PropertyRole.Agent);
        var department = await (await first.Http.PostAsJsonAsync($"/api/v1/properties/{first.PropertyId}/departments", new { name = "Returns" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var (firstContext, a) = await ConsolePage.OpenAsync(browsers, fixture, first);
        await using var _ = firstContext;
        var (secondContext, b) = await ConsolePage.OpenAsync(browsers, fixture, second, 1920, 1080);
        await using var __ = secondContext;
        var ticketId = await ConsolePage.CreateTicketAsync(first, "Return a chair");
        await ConsolePage.Row(a, "Return a chair").ClickAsync();
        await ConsolePage.Row(b, "Return a chair").ClickAsync();

        await a.GetByLabel("Assignee").SelectOptionAsync(new SelectOptionValue { Label = "Department: Returns" });
        await Assertions.Expect(ConsolePage.Row(b, "Return a chair").Locator("[data-col=assignee]")).ToContainTextAsync("Returns");
        await Assertions.Expect(b.GetByLabel("Assignee")).ToHaveValueAsync($"Department:{department.GetProperty("id").GetString()}");

        await b.GetByLabel("Assignee").SelectOptionAsync($"Agent:{second.AgentId}");
        await Assertions.Expect(a.GetByLabel("Assignee")).ToHaveValueAsync($"Agent:{second.AgentId}");
        var ticket = await fixture.Cluster.Client.GetGrain<ITicketGrain>(ticketId).GetAsync(first.PropertyId);
        Assert.Equal(new ConversationAssignee(AssigneeKind.Agent, second.AgentId.ToString()), ticket.Assignee);

        await a.GetByLabel("Priority", new() { Exact = true }).SelectOptionAsync("Highest");
        await Assertions.Expect(b.GetByLabel("Priority", new() { Exact = true })).ToHaveValueAsync("Highest");
        await Assertions.Expect(ConsolePage.Row(b, "Return a chair").Locator("[data-col=priority]")).ToContainTextAsync("Highest");
        await BrowserFixture.ScreenshotAsync(b, "ticket-1920");
    }

    [Fact, Trait("Spec", "TIC-8"), Trait("Spec", "CHAT-7"), Trait("Spec", "INB-6")]
    public async Task TIC8_CHAT7_tags_are_added_and_removed_on_chats_and_tickets_filter_the_list_and_show_live_elsewhere()
    {
        using var first = await SignedInAgent.CreateAsync(fixture);
        using var second = await SignedInAgent.CreateAsync(fixture, first.PropertyId, PropertyRole.Agent);
        var (firstContext, a) = await ConsolePage.OpenAsync(browsers, fixture, first);
        await using var _ = firstContext;
        var (secondContext, b) = await ConsolePage.OpenAsync(browsers, fixture, second);
        await using var __ = secondContext;
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, first.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, "Tina");
        await visitor.SendAsync(chatId, "t1", "Hello"); // a chat is in the inbox from its first message (INB-1)
        await ConsolePage.CreateTicketAsync(first, "Tagged ticket");

        await ConsolePage.Row(a, "Tina").ClickAsync();
        await Assertions.Expect(a.Locator(".detail-header h2")).ToHaveTextAsync("Tina");
        foreach (var tag in new[] { "billing", "urgent" })
        {
            await a.GetByRole(AriaRole.Button, new() { Name = "Add tag" }).ClickAsync();
            await a.GetByLabel("New tag").FillAsync(tag);
            await a.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(a.GetByTestId("tags")).ToContainTextAsync(tag);
        }

        await Assertions.Expect(ConsolePage.Row(b, "Tina")).ToContainTextAsync("#billing #urgent");
        await a.GetByTestId("tags").GetByRole(AriaRole.Button, new() { Name = "billing" }).ClickAsync();
        await Assertions.Expect(a.GetByTestId("tags")).Not.ToContainTextAsync("billing");
        await Assertions.Expect(ConsolePage.Row(b, "Tina")).Not.ToContainTextAsync("#billing");

        await ConsolePage.Row(a, "Tagged ticket").ClickAsync();
        await Assertions.Expect(a.Locator(".detail-header h2")).ToHaveTextAsync("Tagged ticket");
        await a.GetByRole(AriaRole.Button, new() { Name = "Add tag" }).ClickAsync();
        await a.GetByLabel("New tag").FillAsync("urgent");
        await a.Keyboard.PressAsync("Enter");
        await Assertions.Expect(a.GetByTestId("tags")).ToContainTextAsync("urgent");
        await a.GetByRole(AriaRole.Button, new() { Name = "Tags", Exact = true }).ClickAsync();
        await Assertions.Expect(a.GetByTestId("tags")).ToBeHiddenAsync();
        await a.GetByRole(AriaRole.Button, new() { Name = "Tags", Exact = true }).ClickAsync();
        await Assertions.Expect(a.GetByTestId("tags")).ToBeVisibleAsync();

        await b.GetByLabel("Tags filter").FillAsync("urgent");
        await Assertions.Expect(b.GetByTestId("chat-list").GetByRole(AriaRole.Button)).ToHaveCountAsync(2);
        await b.GetByLabel("Tags filter").FillAsync("billing");
        await Assertions.Expect(b.GetByTestId("chat-list").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }
}
