using System.Net.Http.Json;
using Conversations.Tests.Infrastructure;
using MimeKit;
using Microsoft.Playwright;

namespace Conversations.Tests.Browser;

/// <summary>Files that came with an email, as the console shows them on the ticket (TIC-1, issue 19).</summary>
public sealed class AttachmentBrowserTests(EmailWebCluster fixture, BrowserFixture browsers) : IClassFixture<EmailWebCluster>, IClassFixture<BrowserFixture>
{
    /// <summary>A real 1×1 PNG, so the preview has something to draw.</summary>
    private static readonly byte[] Pixel = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% test document\n"u8, .. new byte[200]];

    [Fact, Trait("Spec", "TIC-1"), Trait("Spec", "TIC-2")]
    public async Task TIC1_an_emails_attachments_are_listed_on_its_ticket_message_with_pictures_previewed_and_files_downloadable()
    {
        var property = await fixture.Email.NewPropertyAsync(withSupportAddress: true);
        var message = MailSender.Message("Dee <dee@example.com>", EmailCluster.SupportAddress(property), "Broken lamp photo", "");
        var body = new BodyBuilder { TextBody = "The lamp arrived broken, see the photo." };
        body.Attachments.Add("lamp.png", Pixel, ContentType.Parse("image/png"));
        body.Attachments.Add("receipt.pdf", Pdf, ContentType.Parse("application/pdf"));
        message.Body = body.ToMessageBody();
        await MailSender.SendAsync(fixture.Email.InboundPort, message);

        using var agent = await SignedInAgent.CreateAsync(fixture.Email.Client, fixture.Web, property);
        await using var context = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await ConsolePage.SignInAsync(page, fixture.Web.BaseAddress, agent);
        await ConsolePage.Row(page, "Broken lamp photo").ClickAsync();

        var files = page.GetByTestId("attachments");
        await Assertions.Expect(files.GetByRole(AriaRole.Link)).ToHaveTextAsync(["lamp.png", "receipt.pdf"]);
        var preview = files.GetByRole(AriaRole.Img, new() { Name = "lamp.png" });
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await Assertions.Expect(preview).ToHaveJSPropertyAsync("naturalWidth", 1);
        await Assertions.Expect(files.GetByRole(AriaRole.Img)).ToHaveCountAsync(1);

        var download = await page.APIRequest.GetAsync(new Uri(fixture.Web.BaseAddress, await files.GetByRole(AriaRole.Link, new() { Name = "receipt.pdf" }).GetAttributeAsync("href")).ToString());
        Assert.Equal(200, download.Status);
        Assert.Equal(Pdf, await download.BodyAsync());
        await BrowserFixture.ScreenshotAsync(page, "ticket-attachments");
    }

    [Fact, Trait("Spec", "TIC-2"), Trait("Spec", "X-1")]
    public async Task TIC2_an_agent_attaches_files_to_a_reply_sees_a_refused_one_explained_removes_it_and_the_picture_is_previewed()
    {
        var property = await fixture.Email.NewPropertyAsync(withSupportAddress: true);
        using var agent = await SignedInAgent.CreateAsync(fixture.Email.Client, fixture.Web, property);
        (await agent.Http.PostAsJsonAsync($"/api/v1/properties/{property}/tickets", new
        {
            ticketId = Guid.NewGuid(), subject = "Need the manual", requesterEmail = "eve@example.com", requesterName = "Eve", priority = 3, text = "Where is it?",
        })).EnsureSuccessStatusCode();
        await using var context = await browsers.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await ConsolePage.SignInAsync(page, fixture.Web.BaseAddress, agent);
        await ConsolePage.Row(page, "Need the manual").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Attach" })).ToBeEnabledAsync();
        await page.GetByTestId("attach-input").SetInputFilesAsync(
        [
            new FilePayload { Name = "manual.png", MimeType = "image/png", Buffer = Pixel },
            new FilePayload { Name = "setup.svg", MimeType = "image/svg+xml", Buffer = "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray() },
        ]);
        var chosen = page.GetByTestId("chosen-files");
        await Assertions.Expect(chosen.GetByRole(AriaRole.Alert)).ToContainTextAsync("image/svg+xml");
        await BrowserFixture.ScreenshotAsync(page, "reply-attachment-refused");
        await chosen.GetByRole(AriaRole.Button, new() { Name = "Remove setup.svg" }).ClickAsync();
        await Assertions.Expect(chosen.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Assertions.Expect(chosen.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Reply" }).FillAsync("Here is the manual.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("chosen-files")).ToHaveCountAsync(0);
        var preview = page.GetByTestId("attachments").GetByRole(AriaRole.Img, new() { Name = "manual.png" });
        await Assertions.Expect(preview).ToHaveJSPropertyAsync("naturalWidth", 1);
        await BrowserFixture.ScreenshotAsync(page, "ticket-reply-attachment");
    }
}
