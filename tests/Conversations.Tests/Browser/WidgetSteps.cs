using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>What a visitor does with the widget on the demo site, shared by the widget's browser tests.</summary>
public static class WidgetSteps
{
    /// <summary>A browser whose requests stand for a visitor address of its own (the test web node trusts X-Forwarded-For).</summary>
    public static Task<IBrowserContext> NewVisitorContextAsync(BrowserFixture browsers) => browsers.Browser.NewContextAsync(new()
    {
        ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = TestVisitor.UniqueAddress() },
    });

    public static async Task OpenWidgetAsync(WebFixture fixture, IPage page, string propertyId, string query = "")
    {
        await page.GotoAsync(new Uri(fixture.Web.BaseAddress, $"/demo.html?property={propertyId}{query}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await Assertions.Expect(page.GetByPlaceholder("Your name (optional)")).ToBeVisibleAsync();
    }

    public static async Task SendAsync(IPage page, string text)
    {
        await page.GetByPlaceholder("Type a message").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
    }

    /// <summary>The visitor id inside the signed token ("v1.{visitorId}.{signature}") the widget keeps.</summary>
    public static async Task<string> VisitorIdAsync(IPage page, string propertyId)
    {
        var token = await WaitForAsync(() => page.EvaluateAsync<string?>($"() => localStorage.getItem('conversations.{propertyId}.token')"));
        return token.Split('.')[1];
    }

    /// <summary>The chat the widget is in (it keeps the id it chose).</summary>
    public static async Task<Guid> ChatIdAsync(IPage page, string propertyId) =>
        Guid.Parse(await WaitForAsync(() => page.EvaluateAsync<string?>($"() => localStorage.getItem('conversations.{propertyId}.chat')")));

    public static Task<T> WaitUntilAsync<T>(Func<T?> probe) where T : class => WaitForAsync(() => Task.FromResult(probe()));

    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe) where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The expected state was not reached in 10 s.");
    }
}
