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
}
