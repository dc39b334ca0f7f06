using System.Net;
using System.Text;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;
using MimeKit;

namespace Conversations.Tests.Email;

/// <summary>
/// Attachments of real MIME messages through the silo's SMTP listener: allowed ones are stored in
/// blob storage (Azurite), listed on the ticket message and downloadable by members only, always as
/// a download; hostile names are tamed; wrong types, disguised programs and oversized files are not
/// kept and the message says which and why.
/// </summary>
public sealed class InboundAttachmentTests(EmailWebCluster fixture) : IClassFixture<EmailWebCluster>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% test document\n"u8, .. new byte[200]];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[300]];
    private static readonly byte[] Program = [.. "MZ\u0090\0"u8, .. new byte[500]];

    private EmailCluster Email => fixture.Email;

    [Fact, Trait("Spec", "TIC-1")]
    public async Task TIC1_allowed_attachments_are_stored_listed_on_the_message_and_downloadable_by_members_as_files()
    {
        var (property, support) = await PropertyAsync();
        var message = MailWith(support, "Invoice attached",
            ("report.pdf", "application/pdf", Pdf),
            ("screenshot.png", "application/octet-stream", Png), // a generic type, judged by name and content
            ("notes.txt", "text/plain", "line one; line two"u8.ToArray()));

        await MailSender.SendAsync(Email.InboundPort, message);

        var ticketId = InboundMail.NewTicketId(property, message.MessageId!);
        var first = Assert.Single(await Email.Client.GetGrain<ITicketGrain>(ticketId).GetMessagesAsync(property, 0, 10));
        Assert.Equal("Please see the files.", first.Text);
        var attachments = first.Attachments!;
        Assert.Equal(
            [("report.pdf", "application/pdf", (long)Pdf.Length), ("screenshot.png", "image/png", Png.Length), ("notes.txt", "text/plain", 18)],
            attachments.Select(a => (a.Name, a.ContentType, a.Size)));

        using var member = await SignedInAgent.CreateAsync(Email.Client, fixture.Web, property);
        foreach (var (attachment, content) in attachments.Zip([Pdf, Png, "line one; line two"u8.ToArray()]))
        {
            using var response = await member.Http.GetAsync(Url(property, ticketId, attachment.Id));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(attachment.ContentType, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal(attachment.Name, response.Content.Headers.ContentDisposition.FileNameStar);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Contains("sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        }

        // Not a member, an unknown id, a malformed id, the right id under another ticket: all "not found".
        using var stranger = await SignedInAgent.CreateAsync(Email.Client, fixture.Web);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(Url(property, ticketId, attachments[0].Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync(Url(property, ticketId, new string('a', 32)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync(Url(property, ticketId, "..%2F..%2Fx"))).StatusCode);
        var (_, otherTicket, _) = await Email.NewTicketAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync(Url(property, otherTicket, attachments[0].Id))).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
        Assert.False((await anonymous.GetAsync(Url(property, ticketId, attachments[0].Id))).IsSuccessStatusCode);
    }

    [Fact, Trait("Spec", "TIC-1")]
    public async Task TIC1_disallowed_disguised_and_oversized_attachments_are_not_kept_and_the_message_says_why()
    {
        var (property, support) = await PropertyAsync();
        var message = MailWith(support, "Hostile files",
            ("setup.exe", "application/x-msdownload", Program),
            ("invoice.pdf.exe", "application/pdf", Pdf),
            ("holiday.png", "image/png", Program),
            ("page.html", "text/html", "<script>alert(1)</script>"u8.ToArray()),
            ("logo.svg", "image/svg+xml", "<svg onload=alert(1)/>"u8.ToArray()),
            ("huge.pdf", "application/pdf", [.. Pdf, .. new byte[20_000]]),
            ("../../etc/passwd.txt", "text/plain", "root"u8.ToArray()),
            ("C:\\Windows\\evil\r\nX-Injected: 1\".txt", "text/plain", "two"u8.ToArray()),
            ("invoice\u202Etxt.exe", "text/plain", "rtl"u8.ToArray()));

        await MailSender.SendAsync(Email.InboundPort, message); // accepted: the text and the harmless files still count

        var ticketId = InboundMail.NewTicketId(property, message.MessageId!);
        var first = Assert.Single(await Email.Client.GetGrain<ITicketGrain>(ticketId).GetMessagesAsync(property, 0, 10));
        Assert.Equal(["passwd.txt", "evilX-Injected 1.txt"], first.Attachments!.Select(a => a.Name));
        Assert.StartsWith("Please see the files.\n\n[Attachments not kept:", first.Text);
        foreach (var refusal in new[]
        {
            "setup.exe: files of type application/x-msdownload are not accepted",
            "invoice.pdf.exe: the name does not end in .pdf",
            "holiday.png: the content does not match its type image/png",
            "page.html: files of type text/html are not accepted",
            "logo.svg: files of type image/svg+xml are not accepted",
            "huge.pdf: larger than 16 KiB",
            "invoicetxt.exe: the name does not end in .txt or .log",
        })
        {
            Assert.Contains("- " + refusal, first.Text);
        }

        Assert.DoesNotContain("<", first.Text);
        using var member = await SignedInAgent.CreateAsync(Email.Client, fixture.Web, property);
        using var response = await member.Http.GetAsync(Url(property, ticketId, first.Attachments![1].Id));
        Assert.Equal("two", await response.Content.ReadAsStringAsync());
        Assert.Single(response.Content.Headers.GetValues("Content-Disposition"));
        Assert.DoesNotContain(response.Headers, h => h.Key == "X-Injected");
    }

    [Fact, Trait("Spec", "TIC-2")]
    public async Task TIC2_an_emailed_answer_with_a_file_adds_it_to_the_ticket()
    {
        var (property, ticketId, requester) = await Email.NewTicketAsync();
        await Email.Client.GetGrain<ITicketGrain>(ticketId).ReplyAsync(new ReplyToTicket(property, "r-1", "agent-1", "Bo", "Send a screenshot?", null));
        var reply = Assert.Single(await Email.Smtp.WaitForAsync(requester));
        var answer = MailWith(reply.ReplyTo.Mailboxes.Single().Address, "Re: " + reply.Subject, ("error.png", "image/png", Png));
        answer.From.Clear();
        answer.From.Add(MailboxAddress.Parse(requester));

        await MailSender.SendAsync(Email.InboundPort, answer);

        var messages = await Email.Client.GetGrain<ITicketGrain>(ticketId).GetMessagesAsync(property, 0, 10);
        Assert.Equal((AuthorKind.Visitor, "error.png"), (messages[^1].AuthorKind, Assert.Single(messages[^1].Attachments!).Name));
    }

    private async Task<(string Property, string Support)> PropertyAsync()
    {
        var property = await Email.NewPropertyAsync(withSupportAddress: true);
        return (property, EmailCluster.SupportAddress(property));
    }

    private static string Url(string property, Guid ticketId, string attachmentId) =>
        $"/api/v1/properties/{property}/tickets/{ticketId}/attachments/{attachmentId}";

    private static MimeMessage MailWith(string to, string subject, params (string Name, string Type, byte[] Content)[] files)
    {
        var message = MailSender.Message("Dee <dee@example.com>", to, subject, "");
        var body = new BodyBuilder { TextBody = "Please see the files." };
        foreach (var (name, type, content) in files)
        {
            body.Attachments.Add(name, content, ContentType.Parse(type));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
