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
    public async Task CHAT1_a_visitor_sends_a_picture_from_the_widget_and_the_agent_answers_with_a_file_from_the_console()
    {
        using var agent = await SignedInAgent.CreateAsync(fixture);
        await using var online = await agent.GoOnlineAsync(fixture);
        await using var visitorContext = await NewVisitorContextAsync(browsers);
        var widget = await visitorContext.NewPageAsync();
        await OpenWidgetAsync(fixture, widget, agent.PropertyId);
        await widget.GetByPlaceholder("Your name (optional)").FillAsync("Wanda");
        await widget.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await SendAsync(widget, "Look at this");

        // A refused type is explained; a picture is sent and shown in the visitor's own message.
        await Assertions.Expect(widget.GetByRole(AriaRole.Button, new() { Name = "Attach a file" })).ToBeVisibleAsync();
        await widget.GetByTestId("widget-file").SetInputFilesAsync(new FilePayload { Name = "evil.svg", MimeType = "image/svg+xml", Buffer = "<svg/>"u8.ToArray() });
        await Assertions.Expect(widget.GetByTestId("widget-status")).ToContainTextAsync("image/svg+xml");
        await widget.GetByTestId("widget-file").SetInputFilesAsync(new FilePayload { Name = "broken.png", MimeType = "image/png", Buffer = Pixel });
        var messages = widget.GetByTestId("visitor-messages");
        await Assertions.Expect(messages.GetByRole(AriaRole.Img, new() { Name = "broken.png" })).ToHaveJSPropertyAsync("naturalWidth", 1);

        var (consoleContext, console) = await ConsolePage.OpenAsync(browsers, fixture, agent, 1440, 900);
        await using var _ = consoleContext;
        await ConsolePage.Row(console, "Wanda").ClickAsync();
        await Assertions.Expect(console.GetByTestId("attachments").GetByRole(AriaRole.Img, new() { Name = "broken.png" })).ToHaveJSPropertyAsync("naturalWidth", 1);

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
