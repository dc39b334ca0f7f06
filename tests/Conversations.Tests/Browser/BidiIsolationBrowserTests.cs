using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>
/// Visitor strings are hostile (issue 16): a right-to-left override (U+202E) in a name, subject or message must not
/// reverse the console's or the widget's own text beside it, such as a timestamp.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BidiIsolationBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    private const string Override = "\u202e";

    /// <summary>
    /// Every text node holding a bidi control character, in the page and in open shadow roots, whose parent element
    /// does not isolate it (a bdi, a dir attribute, or unicode-bidi isolate/plaintext); described for the failure message.
    /// </summary>
    private const string UnisolatedScript = """
        () => {
          const controls = /[\u202a-\u202e\u2066-\u2069]/;
          const found = [];
          const visit = (root) => {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const parent = node.parentElement;
              if (!parent || !controls.test(node.data) || ["OPTION", "TITLE", "TEXTAREA", "SCRIPT", "STYLE"].includes(parent.tagName)) continue;
              const bidi = getComputedStyle(parent).unicodeBidi;
              const isolated = parent.tagName === "BDI" || parent.hasAttribute("dir") || ["isolate", "plaintext", "isolate-override"].includes(bidi);
              if (!isolated) found.push(`<${parent.tagName.toLowerCase()} class="${parent.className}">${JSON.stringify(node.data)}`);
            }
            for (const element of root.querySelectorAll("*")) if (element.shadowRoot) visit(element.shadowRoot);
          };
          visit(document.body);
          return found;
        }
        """;

    /// <summary>Whether an element's first character is drawn left of its last one, as left-to-right text is.</summary>
    private const string DrawnLeftToRightScript = """
        element => {
          const text = [...element.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.data.trim().length > 1);
          const range = document.createRange();
          const left = i => { range.setStart(text, i); range.setEnd(text, i + 1); return range.getBoundingClientRect().left; };
          return left(0) < left(text.data.trimEnd().length - 1);
        }
        """;

    [Fact, Trait("Spec", "X-1")]
    public async Task X1_a_right_to_left_override_in_visitor_strings_cannot_reverse_the_console_or_widget_text_beside_it()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        var (context, page) = await ConsolePage.OpenAsync(browsers, fixture, agent);
        await using var _ = context;
        await using var visitor = await TestVisitor.ConnectAsync(fixture.Web.BaseAddress, agent.PropertyId);
        var chatId = Guid.NewGuid();
        await visitor.StartChatAsync(chatId, Override + "evil.exe");
        await visitor.SendAsync(chatId, "b1", Override + "gnp.exe is my file");
        await ConsolePage.CreateTicketAsync(agent, Override + "fdp.exe invoice");

        // The list, the chat's transcript and the History tab, with both conversations showing.
        await Assertions.Expect(page.GetByTestId("chat-list").GetByRole(AriaRole.Button)).ToHaveCountAsync(2);
        await ConsolePage.Row(page, "evil.exe").ClickAsync();
        var time = page.GetByTestId("messages").Locator("time").First;
        await Assertions.Expect(time).ToBeVisibleAsync();
        Assert.True(await time.EvaluateAsync<bool>(DrawnLeftToRightScript), "The message time beside the visitor's name is drawn right to left.");
        await page.GetByRole(AriaRole.Tab, new() { Name = "History", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Property" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("property-history").GetByRole(AriaRole.Button)).ToHaveCountAsync(2);
        Assert.Empty(await page.EvaluateAsync<string[]>(UnisolatedScript));

        // The ticket's header and transcript.
        await ConsolePage.Row(page, "fdp.exe invoice").ClickAsync();
        await Assertions.Expect(page.GetByTestId("messages")).ToContainTextAsync("About");
        Assert.Empty(await page.EvaluateAsync<string[]>(UnisolatedScript));
        await BrowserFixture.ScreenshotAsync(page, "bidi-isolation-console");

        // The widget: the visitor's own name and message beside the time.
        await using var visitorContext = await browsers.Browser.NewContextAsync(new()
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = TestVisitor.UniqueAddress() },
        });
        await using var online = await agent.GoOnlineAsync(fixture);
        var site = await visitorContext.NewPageAsync();
        await site.GotoAsync(new Uri(fixture.Web.BaseAddress, $"/demo.html?property={agent.PropertyId}").ToString());
        await site.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await site.GetByPlaceholder("Your name (optional)").FillAsync(Override + "evil.exe");
        await site.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await site.GetByPlaceholder("Type a message").FillAsync(Override + "gnp.exe is my file");
        await site.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        var widgetTime = site.GetByTestId("visitor-messages").Locator("li[data-sequence] time");
        await Assertions.Expect(widgetTime).ToBeVisibleAsync();
        Assert.True(await widgetTime.EvaluateAsync<bool>(DrawnLeftToRightScript), "The widget's message time is drawn right to left.");
        Assert.Empty(await site.EvaluateAsync<string[]>(UnisolatedScript));
    }
}
