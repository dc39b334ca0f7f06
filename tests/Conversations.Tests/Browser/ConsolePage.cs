using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>The agent console in a browser context of its own, signed in through its form.</summary>
public static class ConsolePage
{
    public static async Task<(IBrowserContext Context, IPage Page)> OpenAsync(
        BrowserFixture browsers, WebFixture fixture, SignedInAgent agent, int width = 1280, int height = 720)
    {
        var context = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, fixture, agent);
        return (context, page);
    }

    public static Task SignInAsync(IPage page, WebFixture fixture, SignedInAgent agent) => SignInAsync(page, fixture.Web.BaseAddress, agent);

    public static async Task SignInAsync(IPage page, Uri web, SignedInAgent agent)
    {
        await page.GotoAsync(new Uri(web, $"/?property={agent.PropertyId}").ToString());
        await page.GetByLabel("Email").FillAsync(agent.Email);
        await page.GetByLabel("Password").FillAsync(SignedInAgent.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("Live");
    }

    /// <summary>The list row of a conversation (a table row, INB-3), by its chat visitor name or ticket subject.</summary>
    public static ILocator Row(IPage page, string title) =>
        page.GetByTestId("chat-list").GetByRole(AriaRole.Row, new() { Name = title });

    /// <summary>Answers the console's in-app dialog (confirmations and questions): confirms, with a value if it asks for one, or cancels.</summary>
    public static async Task AnswerAsync(IPage page, bool confirm, string? value = null)
    {
        var dialog = page.Locator("dialog.dialog[open]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        if (value is not null)
        {
            await dialog.GetByRole(AriaRole.Textbox).FillAsync(value);
        }

        await (confirm ? dialog.Locator("[data-confirm]") : dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    /// <summary>Picks an action from a menu button (Chat options, More options, Send and set status, Chat status).</summary>
    public static async Task ChooseAsync(IPage page, string menu, string item)
    {
        await page.GetByLabel(menu).ClickAsync();
        await page.GetByRole(AriaRole.Menu).GetByText(item).ClickAsync();
    }

    /// <summary>CHAT-2: the chat's status menu → Closed, confirmed (or cancelled) in the dialog.</summary>
    public static async Task CloseChatAsync(IPage page, bool confirm = true)
    {
        await ChooseAsync(page, "Chat status", "Closed");
        await AnswerAsync(page, confirm);
    }

    /// <summary>INB-4: exactly these statuses ticked in the Status filter (none: any status).</summary>
    public static async Task SetStatusFilterAsync(IPage page, params string[] statuses)
    {
        foreach (var status in new[] { "Open", "Pending", "Closed" })
        {
            await page.GetByLabel("Status filter").GetByRole(AriaRole.Checkbox, new() { Name = status }).SetCheckedAsync(statuses.Contains(status, StringComparer.OrdinalIgnoreCase));
        }
    }

    /// <summary>SRCH-1: searches all conversations from the top bar, again until the index has a hit (it follows the writes).</summary>
    public static async Task<ILocator> SearchUntilFoundAsync(IPage page, string query)
    {
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search all conversations" });
        var hits = page.Locator("#search-results .search-hit");
        for (var tries = 0; tries < 30 && await hits.CountAsync() == 0; tries++)
        {
            await box.FillAsync(query);
            await box.PressAsync("Enter");
            await page.GetByTestId("search-total").WaitForAsync();
            if (await hits.CountAsync() == 0)
            {
                await Task.Delay(300);
            }
        }

        return hits;
    }

    /// <summary>A ticket created over REST, as an agent or the API would (TIC-1).</summary>
    public static async Task<Guid> CreateTicketAsync(SignedInAgent agent, string subject, string email = "rita@example.com", string priority = "Medium")
    {
        var response = await agent.Http.PostAsJsonAsync($"/api/v1/properties/{agent.PropertyId}/tickets", new
        {
            subject, requesterEmail = email, requesterName = "Rita", priority, text = $"About {subject}",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
