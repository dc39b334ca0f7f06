using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
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
        await ConsolePage.SignInAsync(page, fixture, agent);

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

        await ConsolePage.CloseChatAsync(page);
        await Assertions.Expect(page.GetByLabel("Chat status")).ToBeDisabledAsync();
        Assert.Equal(ChatStatus.Closed, (await fixture.Cluster.Client.GetGrain<IChatGrain>(chatId).GetAsync(agent.PropertyId)).Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Convert to Ticket" }).ClickAsync();
        await ConsolePage.AnswerAsync(page, true, "dana@example.com");
        await Assertions.Expect(page.GetByLabel("Status", new() { Exact = true }).GetByRole(AriaRole.Button, new() { Name = "Open" })).ToHaveClassAsync("active");
        await Assertions.Expect(page.Locator(".detail-header")).ToContainTextAsync("dana@example.com");
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("My order is late");
        await BrowserFixture.ScreenshotAsync(page, "ticket-from-chat");
    }

    [Fact, Trait("Spec", "CHAT-3"), Trait("Spec", "TIC-5")]
    public async Task CHAT3_TIC5_conversion_takes_the_pre_chat_email_keeps_the_assignee_and_tickets_link_to_chats_and_follow_ups()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var chatId = Guid.NewGuid();
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        await using var context = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await ConsolePage.SignInAsync(page, fixture, agent);

        // The widget's pre-chat form: the contact first, then the chat.
        await visitor.Hub.InvokeAsync("UpdateContact", agent.PropertyId, visitor.Session.VisitorToken, "Eve", "eve@example.com");
        await visitor.StartChatAsync(chatId, "Eve");
        await visitor.SendAsync(chatId, "c1", "Where is my parcel?");
        await fixture.Cluster.Client.GetGrain<IChatGrain>(chatId).AssignAsync(new AssignConversation(agent.PropertyId, AssigneeKind.Agent, agent.AgentId.ToString()));
        await page.GetByTestId("chat-list").GetByRole(AriaRole.Button, new() { Name = "Eve" }).ClickAsync();
        await Assertions.Expect(page.Locator(".detail-header")).ToContainTextAsync("eve@example.com");

        await page.GetByRole(AriaRole.Button, new() { Name = "Convert to Ticket" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Source chat" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("dialog.dialog[open]").CountAsync());
        var ticketId = (await fixture.Cluster.Client.GetGrain<IChatGrain>(chatId).GetAsync(agent.PropertyId)).TicketId!.Value;
        var ticket = await fixture.Cluster.Client.GetGrain<ITicketGrain>(ticketId).GetAsync(agent.PropertyId);
        Assert.Equal(("eve@example.com", agent.AgentId.ToString()), (ticket.Requester.Email, ticket.Assignee?.Id));
        await Assertions.Expect(page.Locator(".detail-header")).ToContainTextAsync("eve@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Source chat" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Open ticket" })).ToBeVisibleAsync();

        // TIC-5: a follow-up of a closed ticket and the ticket it follows show each other.
        var previousId = await ConsolePage.CreateTicketAsync(agent, "Broken zipper");
        var previous = fixture.Cluster.Client.GetGrain<ITicketGrain>(previousId);
        await previous.SetStatusAsync(agent.PropertyId, TicketStatus.Closed);
        var followUpId = Guid.NewGuid();
        await fixture.Cluster.Client.GetGrain<ITicketGrain>(followUpId).CreateAsync(new CreateTicket(
            agent.PropertyId, "Broken zipper again", new TicketRequester(null, "Rita", "rita@example.com"), TicketPriority.Medium, "It broke again", previousId));
        await ConsolePage.Row(page, "Broken zipper again").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous ticket" }).ClickAsync();
        await Assertions.Expect(page.Locator(".detail-header h2")).ToHaveTextAsync("Broken zipper");
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow-up ticket" }).ClickAsync();
        await Assertions.Expect(page.Locator(".detail-header h2")).ToHaveTextAsync("Broken zipper again");
        await BrowserFixture.ScreenshotAsync(page, "ticket-follow-up-links");
    }

    [Fact, Trait("Spec", "TIC-5")]
    public async Task TIC5_a_ticket_lists_all_its_follow_ups_and_a_new_one_appears_live()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        var previousId = await ConsolePage.CreateTicketAsync(agent, "Tap leaks");
        var previous = fixture.Cluster.Client.GetGrain<ITicketGrain>(previousId);
        await previous.SetStatusAsync(agent.PropertyId, TicketStatus.Closed);
        var first = await FollowUpAsync(agent, previousId, "Tap follow-up one");

        await ConsolePage.Row(page, "Tap follow-up one").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous ticket" }).ClickAsync();
        await Assertions.Expect(page.Locator(".detail-header h2")).ToHaveTextAsync("Tap leaks");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Follow-up ticket" })).ToBeVisibleAsync();

        // The second follow-up's link is an event: the open ticket lists both without a reload, oldest first.
        var second = await FollowUpAsync(agent, previousId, "Tap follow-up two");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Follow-up ticket 2 of 2" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "ticket-follow-ups");
        await previous.LinkFollowUpAsync(agent.PropertyId, first); // a retried link changes nothing
        Assert.Equal([first, second], (await previous.GetAsync(agent.PropertyId)).FollowUpTicketIds!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow-up ticket 1 of 2" }).ClickAsync();
        await Assertions.Expect(page.Locator(".detail-header h2")).ToHaveTextAsync("Tap follow-up one");
    }

    private async Task<Guid> FollowUpAsync(SignedInAgent agent, Guid previousId, string subject)
    {
        var id = Guid.NewGuid();
        await fixture.Cluster.Client.GetGrain<ITicketGrain>(id).CreateAsync(new CreateTicket(
            agent.PropertyId, subject, new TicketRequester(null, "Rita", "rita@example.com"), TicketPriority.Medium, "Still leaking", previousId));
        return id;
    }

    [Fact, Trait("Spec", "CHAT-4"), Trait("Spec", "BIN-3")]
    public async Task CHAT4_BIN3_mark_spam_and_ban_by_ip_refuses_the_address_until_unbanned_in_the_ban_list()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        var ip = TestVisitor.UniqueAddress();
        var chatId = Guid.NewGuid();
        await using (var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId, ip))
        {
            await visitor.StartChatAsync(chatId, "Gus");
            await visitor.SendAsync(chatId, "g1", "cheap pills here");
        }

        await page.GetByTestId("chat-list").GetByRole(AriaRole.Button, new() { Name = "Gus" }).ClickAsync();
        await ConsolePage.ChooseAsync(page, "Chat options", "Mark as spam and ban…");
        var dialog = page.Locator("dialog.dialog[open]");
        await dialog.GetByRole(AriaRole.Textbox).FillAsync("pill spam");
        await dialog.GetByLabel($"Also ban their IP address ({ip})").CheckAsync();
        await dialog.Locator("[data-confirm]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        await WidgetSteps.WaitForAsync(async () =>
        {
            var view = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{agent.PropertyId}/chats/{chatId}");
            return view.GetProperty("bin").GetString() == "Spam" ? "spam" : null;
        });
        var ban = Assert.Single((await agent.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{agent.PropertyId}/bans")).EnumerateArray());
        Assert.Equal((ip, "pill spam"), (ban.GetProperty("ip").GetString(), ban.GetProperty("reason").GetString()));

        // Another visitor id from the same address is refused too.
        await using var sameAddress = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId, ip);
        var refused = await Assert.ThrowsAsync<HubException>(() => sameAddress.StartChatAsync(Guid.NewGuid(), "Gus again"));
        Assert.Contains(VisitorHub.BannedMessage, refused.Message);

        await page.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        var bans = page.GetByTestId("bans");
        await Assertions.Expect(bans).ToContainTextAsync(ip);
        await Assertions.Expect(bans).ToContainTextAsync("pill spam");
        await BrowserFixture.ScreenshotAsync(page, "settings-ban-list");
        await bans.GetByRole(AriaRole.Button, new() { Name = "Unban" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Nobody is banned.")).ToBeVisibleAsync();
        Assert.Equal(ChatStatus.Open, (await sameAddress.StartChatAsync(Guid.NewGuid(), "Gus again")).Status);
    }

    [Fact, Trait("Spec", "KB-2"), Trait("Spec", "KB-3")]
    public async Task KB2_KB3_an_agent_searches_the_knowledge_base_inserts_an_article_and_expands_a_shortcut()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var properties = $"/api/v1/properties/{agent.PropertyId}";
        var knowledgeBase = await (await agent.Http.PostAsJsonAsync($"{properties}/knowledge-bases", new { name = "Help" })).Content.ReadFromJsonAsync<JsonElement>();
        (await agent.Http.PostAsJsonAsync($"{properties}/knowledge-bases/{knowledgeBase.GetProperty("id").GetString()}/articles", new
        {
            title = "Refund policy", slug = "refund-policy", body = "Refunds take **5 days** to arrive.", status = "Published",
        })).EnsureSuccessStatusCode();
        var chatId = Guid.NewGuid();
        await using var context = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await ConsolePage.SignInAsync(page, fixture, agent);
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        await visitor.StartChatAsync(chatId, "Eve");
        await visitor.SendAsync(chatId, "e1", "Hello"); // a chat is in the inbox from its first message (INB-1)
        await page.GetByTestId("chat-list").GetByRole(AriaRole.Button, new() { Name = "Eve" }).ClickAsync();

        await page.GetByLabel("Search articles").FillAsync("refund");
        await Assertions.Expect(page.GetByTestId("kb-results")).ToContainTextAsync("Refund policy");
        await Assertions.Expect(page.GetByTestId("kb-results").Locator("mark").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Refund", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await page.GetByTestId("kb-results").GetByRole(AriaRole.Button, new() { Name = "Insert text of Refund policy" }).ClickAsync();
        await Assertions.Expect(page.GetByPlaceholder("Type a reply")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Refunds take 5 days"));
        await page.GetByPlaceholder("Type a reply").FillAsync("");

        // As a link: the article's public page, readable without signing in; a draft has no page.
        await page.GetByTestId("kb-results").GetByRole(AriaRole.Button, new() { Name = "Insert link to Refund policy" }).ClickAsync();
        var linked = await page.GetByPlaceholder("Type a reply").InputValueAsync();
        var link = System.Text.RegularExpressions.Regex.Match(linked, @"^Refund policy: (http\S+/help/[^/]+/articles/([0-9a-f-]{36}))$");
        Assert.True(link.Success, linked);
        using (var anonymous = new HttpClient())
        {
            var publicPage = await anonymous.GetAsync(link.Groups[1].Value);
            Assert.Equal(System.Net.HttpStatusCode.OK, publicPage.StatusCode);
            Assert.Contains("<strong>5 days</strong>", await publicPage.Content.ReadAsStringAsync());
            var draft = await (await agent.Http.PostAsJsonAsync($"{properties}/knowledge-bases/{knowledgeBase.GetProperty("id").GetString()}/articles", new
            {
                title = "Internal notes", slug = "internal-notes", body = "Not for visitors.", status = "Draft",
            })).Content.ReadFromJsonAsync<JsonElement>();
            var draftPage = link.Groups[1].Value.Replace(link.Groups[2].Value, draft.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync(draftPage)).StatusCode);
        }

        await page.GetByPlaceholder("Type a reply").FillAsync("");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Shortcuts" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("shortcut-results")).ToContainTextAsync("No shortcuts yet");
        await page.GetByLabel("Shortcut name").FillAsync("thanks");
        await page.GetByLabel("Shortcut message").FillAsync("Thank you for waiting!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add New Shortcut" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("shortcut-results")).ToContainTextAsync("/thanks");
        await BrowserFixture.ScreenshotAsync(page, "shortcuts-tab");

        await page.GetByPlaceholder("Type a reply").FillAsync("/thanks");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("Thank you for waiting!");
        Assert.Contains("Thank you for waiting!", (await visitor.GetMessagesAsync(chatId)).Select(m => m.Text));
    }

    [Fact, Trait("Spec", "VIS-1"), Trait("Spec", "VIS-5"), Trait("Spec", "CHAT-4"), Trait("Spec", "CHAT-5")]
    public async Task VIS1_CHAT4_an_agent_edits_the_visitors_details_sees_their_history_and_bans_them()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var context = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await ConsolePage.SignInAsync(page, fixture, agent);
        var chatId = Guid.NewGuid();
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        await visitor.Hub.InvokeAsync("UpdateContact", agent.PropertyId, visitor.Session.VisitorToken, "Frank", "frank@example.com");
        await visitor.StartChatAsync(chatId, "Frank");
        await visitor.SendAsync(chatId, "f1", "Hello"); // a chat is in the inbox from its first message (INB-1)
        await page.GetByTestId("chat-list").GetByRole(AriaRole.Button, new() { Name = "Frank" }).ClickAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Details" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Frank");
        await Assertions.Expect(page.GetByTestId("more-info")).ToContainTextAsync("Sessions");
        await page.GetByLabel("Phone").FillAsync("+44 20 7946 0000");
        await page.GetByRole(AriaRole.Form, new() { Name = "About" }).GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Form, new() { Name = "About" }).GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeEnabledAsync();
        var profile = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{agent.PropertyId}/visitors/{visitor.Session.VisitorId}");
        Assert.Equal("+44 20 7946 0000", profile.GetProperty("about").GetProperty("phone").GetString());
        await BrowserFixture.ScreenshotAsync(page, "details-tab");

        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("Chat");

        await ConsolePage.ChooseAsync(page, "Chat options", "Ban visitor");
        await ConsolePage.AnswerAsync(page, true, "spam links");
        var bans = await agent.Http.GetStringAsync($"/api/v1/properties/{agent.PropertyId}/bans");
        for (var i = 0; i < 50 && !bans.Contains(visitor.Session.VisitorId); i++)
        {
            await Task.Delay(100);
            bans = await agent.Http.GetStringAsync($"/api/v1/properties/{agent.PropertyId}/bans");
        }

        Assert.Contains("spam links", bans);
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => visitor.StartChatAsync(Guid.NewGuid()));
        Assert.Contains("blocked", refused.Message);
    }

    [Fact, Trait("Spec", "KB-1")]
    public async Task KB1_an_admin_creates_a_knowledge_base_a_category_and_an_article_in_the_console()
    {
        using var admin = await SignedInAgent.CreateAsync(fixture);
        await using var context = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await ConsolePage.SignInAsync(page, fixture, admin);

        await page.GetByText("Manage knowledge bases", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("New knowledge base name").FillAsync("Help center");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await page.GetByLabel("New category name").FillAsync("Orders");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add category" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Article category")).ToContainTextAsync("Orders");

        await page.GetByLabel("Article title").FillAsync("Returns and exchanges");
        await Assertions.Expect(page.GetByLabel("Article slug")).ToHaveValueAsync("returns-and-exchanges");
        await page.GetByLabel("Article body").FillAsync("Send it back within **30 days**.");
        await page.GetByLabel("Article status").SelectOptionAsync("Published");
        await page.GetByLabel("Article category").SelectOptionAsync(new SelectOptionValue { Label = "Orders" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save article" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("kb-articles")).ToContainTextAsync("Returns and exchanges (Published)");

        await page.GetByLabel("Search articles").FillAsync("exchanges");
        await Assertions.Expect(page.GetByTestId("kb-results")).ToContainTextAsync("Returns and exchanges");
        await BrowserFixture.ScreenshotAsync(page, "kb-editor");
    }
}
