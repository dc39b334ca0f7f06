using System.Net.Http.Json;
using Conversations.Tests.Infrastructure;
using Conversations.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>COL-1 (who else is on a conversation, and the send-time guard) and MRG-1 (bulk merge, split) in the console.</summary>
[Collection(WebCollection.Name)]
public sealed class CollisionAndMergeBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact, Trait("Spec", "COL-1")]
    public async Task COL1_another_agent_is_shown_on_the_conversation_and_its_row_and_Send_first_shows_what_arrived_while_writing()
    {
        using var alice = await SignedInAgent.CreateAsync(fixture);
        using var bob = await SignedInAgent.CreateAsync(fixture, alice.PropertyId);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, alice);
        await using var _ = context;
        var ticketId = await ConsolePage.CreateTicketAsync(alice, "Shared ticket", "sam@example.com");
        await ConsolePage.Row(page, "Shared ticket").ClickAsync();

        // Bob opens the same ticket in his console (his hub connection) and starts writing: Alice sees him, live.
        await using var bobHub = await bob.ConnectHubAsync(AgentHub.Path);
        await bobHub.InvokeAsync("JoinProperty", alice.PropertyId);
        await bobHub.InvokeAsync("WatchConversation", alice.PropertyId, ticketId, true);
        var bar = page.GetByTestId("watchers");
        await Assertions.Expect(bar).ToContainTextAsync("replying");
        await Assertions.Expect(ConsolePage.Row(page, "Shared ticket").GetByTestId("row-watchers")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "collision-watchers");

        // Alice begins writing; Bob's reply lands meanwhile. Send first shows it and offers Edit or Send anyway.
        var reply = page.GetByPlaceholder("Type a reply");
        await reply.FillAsync("Hi Sam, I am looking into it.");
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("About Shared ticket");
        (await bob.Http.PostAsJsonAsync($"/api/v1/properties/{alice.PropertyId}/tickets/{ticketId}/replies",
            new { commandId = "bob-1", text = "Sam, this is fixed now." })).EnsureSuccessStatusCode();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        var dialog = page.Locator("dialog.dialog[open]");
        await Assertions.Expect(dialog).ToContainTextAsync("Sam, this is fixed now.");
        await BrowserFixture.ScreenshotAsync(page, "collision-send-guard");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(reply).ToHaveValueAsync("Hi Sam, I am looking into it.");
        await Assertions.Expect(page.GetByTestId("messages")).Not.ToContainTextAsync("I am looking into it");

        // Nothing new since: Send goes through at once.
        await reply.FillAsync("Hi Sam, Bob fixed it, as he says.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("Bob fixed it");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // Again with a reply arriving meanwhile, this time sent anyway.
        await reply.FillAsync("One more thing.");
        (await bob.Http.PostAsJsonAsync($"/api/v1/properties/{alice.PropertyId}/tickets/{ticketId}/replies",
            new { commandId = "bob-2", text = "Closing soon." })).EnsureSuccessStatusCode();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Closing soon.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send anyway" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("One more thing.");

        // Bob closes his console: he is gone from Alice's screen.
        await bobHub.StopAsync();
        await Assertions.Expect(bar).ToHaveCountAsync(0);
    }

    [Fact, Trait("Spec", "MRG-1")]
    public async Task MRG1_tickets_ticked_in_the_list_are_merged_into_the_chosen_one_and_messages_split_out_again()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await ConsolePage.CreateTicketAsync(agent, "Keep me", "kim@example.com");
        await ConsolePage.CreateTicketAsync(agent, "Merge me", "kim@example.com");

        await ConsolePage.Row(page, "Keep me").GetByRole(AriaRole.Checkbox).CheckAsync();
        await ConsolePage.Row(page, "Merge me").GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Toolbar, new() { Name = "Selected conversations" }).GetByRole(AriaRole.Button, new() { Name = "Merge" }).ClickAsync();
        var dialog = page.Locator("dialog.dialog[open]");
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Keep me" }).CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "merge-dialog");
        await dialog.Locator("[data-confirm]").ClickAsync();

        await Assertions.Expect(page.Locator(".detail-header h2")).ToHaveTextAsync("Keep me");
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("About Merge me");
        await Assertions.Expect(page.GetByTestId("merge-links")).ToContainTextAsync("1 conversation(s) merged");
        await Assertions.Expect(ConsolePage.Row(page, "Merge me")).ToContainTextAsync("merged");

        // Split the merged-in message out again, into a new ticket linked both ways.
        await ConsolePage.ChooseAsync(page, "More options", "Split messages…");
        await page.GetByTestId("messages").Locator("li", new() { HasText = "About Merge me" }).GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Split into new ticket" }).ClickAsync();
        await Assertions.Expect(page.Locator(".detail-header h2")).ToHaveTextAsync("Split from: Keep me");
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("About Merge me");
        await Assertions.Expect(page.GetByTestId("messages")).Not.ToContainTextAsync("About Keep me");
        await page.GetByRole(AriaRole.Button, new() { Name = "Split from a ticket" }).ClickAsync();
        await Assertions.Expect(page.Locator(".detail-header h2")).ToHaveTextAsync("Keep me");
        await Assertions.Expect(page.GetByTestId("messages")).Not.ToContainTextAsync("About Merge me");
    }
}
