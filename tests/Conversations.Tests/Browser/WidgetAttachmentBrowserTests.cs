using Conversations.Tests.Infrastructure;
using Microsoft.Playwright;
using static Conversations.Tests.Browser.WidgetSteps;

namespace Conversations.Tests.Browser;

/// <summary>Attachments both ways in a chat (issue 19): the visitor's picture in the console, the agent's file in the widget.</summary>
[Collection(WebCollection.Name)]
public sealed class WidgetAttachmentBrowserTests(WebFixture fixture, BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    /// <summary>A real 1×1 PNG, so the previews have something to draw.</summary>
    private static readonly byte[] Pixel = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact, Trait("Spec", "CHAT-1"), Trait("Spec", "X-1")]
    public async Task CHAT1_a_visitor_uploads_files_as_removable_chips_and_sends_a_picture_and_the_agent_answers_with_a_file_from_the_console()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var online = await agent.GoOnlineAsync(fixture);
        await using var visitorContext = await NewVisitorContextAsync(browsers);
        var widget = await visitorContext.NewPageAsync();
        await OpenWidgetAsync(fixture, widget, agent.PropertyId);
        await widget.GetByPlaceholder("Your name (optional)").FillAsync("Wanda");
        await widget.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await SendAsync(widget, "Look at this");

        // Chosen files upload at once as chips: a refused type says why on its chip, a removed one is not sent,
        // and Send sends the text with the uploaded picture, shown in the visitor's own message.
        await Assertions.Expect(widget.GetByRole(AriaRole.Button, new() { Name = "Attach a file" })).ToBeVisibleAsync();
        await widget.GetByTestId("widget-file").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "evil.svg", MimeType = "image/svg+xml", Buffer = "<svg/>"u8.ToArray() },
            new FilePayload { Name = "broken.png", MimeType = "image/png", Buffer = Pixel },
            new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "not this one"u8.ToArray() },
        });
        var chips = widget.GetByTestId("widget-chips");
        await Assertions.Expect(chips.Locator("li")).ToHaveCountAsync(3);
        await Assertions.Expect(chips.GetByRole(AriaRole.Alert)).ToContainTextAsync("image/svg+xml");
        await Assertions.Expect(chips.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(0);
        await chips.GetByRole(AriaRole.Button, new() { Name = "Remove notes.txt" }).ClickAsync();
        await Assertions.Expect(chips.Locator("li")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(widget, "widget-upload-chips");
        await SendAsync(widget, "Here is the picture");
        await Assertions.Expect(chips).ToBeHiddenAsync();
        var messages = widget.GetByTestId("visitor-messages");
        var sent = messages.Locator("li.visitor", new() { HasText = "Here is the picture" });
        await Assertions.Expect(sent.GetByRole(AriaRole.Img, new() { Name = "broken.png" })).ToHaveJSPropertyAsync("naturalWidth", 1);
        await Assertions.Expect(sent).Not.ToContainTextAsync("notes.txt");
        await Assertions.Expect(sent).Not.ToContainTextAsync("evil.svg");

        var (consoleContext, console) = await ConsolePage.OpenAsync(browsers, fixture, agent, 1440, 900);
        await using var _ = consoleContext;
        await ConsolePage.Row(console, "Wanda").ClickAsync();
        await Assertions.Expect(console.GetByTestId("attachments").GetByRole(AriaRole.Img, new() { Name = "broken.png" })).ToHaveJSPropertyAsync("naturalWidth", 1);
        await Assertions.Expect(console.GetByTestId("messages")).ToContainTextAsync("Here is the picture");
        await Assertions.Expect(console.GetByTestId("attachments")).Not.ToContainTextAsync("notes.txt");

        await console.GetByTestId("attach-input").SetInputFilesAsync(new FilePayload { Name = "guide.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 guide"u8.ToArray() });
        await Assertions.Expect(console.GetByTestId("chosen-files").GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(0);
        await console.GetByRole(AriaRole.Textbox, new() { Name = "Reply" }).FillAsync("Here is the guide");
        await console.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        var link = messages.GetByRole(AriaRole.Link, new() { Name = "guide.pdf" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        var download = await widget.APIRequest.GetAsync(await link.GetAttributeAsync("href") ?? "");
        Assert.Equal("%PDF-1.4 guide", await download.TextAsync());
        await BrowserFixture.ScreenshotAsync(widget, "widget-attachments");
        await BrowserFixture.ScreenshotAsync(console, "chat-attachments");
    }
}
