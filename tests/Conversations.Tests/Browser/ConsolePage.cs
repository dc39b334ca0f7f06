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

    public static async Task SignInAsync(IPage page, WebFixture fixture, SignedInAgent agent)
    {
        await page.GotoAsync(new Uri(fixture.Web.BaseAddress, $"/?property={agent.PropertyId}").ToString());
        await page.GetByLabel("Email").FillAsync(agent.Email);
        await page.GetByLabel("Password").FillAsync(SignedInAgent.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveTextAsync("Live");
    }

    /// <summary>The list row of a conversation, by its chat visitor name or ticket subject.</summary>
    public static ILocator Row(IPage page, string title) =>
        page.GetByTestId("chat-list").GetByRole(AriaRole.Button, new() { Name = title });

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

    /// <summary>Accepts every confirm (and answers a prompt with <paramref name="answer"/>).</summary>
    public static void AcceptDialogs(IPage page, string answer = "") =>
        page.Dialog += async (_, dialog) => await (dialog.Type == "prompt" ? dialog.AcceptAsync(answer) : dialog.AcceptAsync());
}
