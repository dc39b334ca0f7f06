using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Tests.Infrastructure;
using MimeKit;

namespace Conversations.Tests.Email;

/// <summary>
/// A ticket reply's files go to the requester with the email (issue 19): uploaded over REST, read back from blob storage
/// by the silo's sender and received by a real SMTP server; a reply whose files would make too large an email is refused
/// with the sizes, before anything is stored or sent.
/// </summary>
public sealed class OutboundAttachmentTests(EmailWebCluster fixture) : IClassFixture<EmailWebCluster>
{
    private EmailCluster Email => fixture.Email;

    [Fact, Trait("Spec", "TIC-2")]
    public async Task TIC2_a_ticket_reply_email_carries_the_uploaded_files_read_from_storage()
    {
        var (property, ticketId, requester) = await Email.NewTicketAsync();
        using var agent = await SignedInAgent.CreateAsync(Email.Client, fixture.Web, property);
        var ticket = $"/api/v1/properties/{property}/tickets/{ticketId}";
        byte[] pdf = [.. "%PDF-1.4 invoice "u8, .. Enumerable.Range(0, 9000).Select(i => (byte)(i % 251))];
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 3000).Select(i => (byte)(i % 199))];
        var pdfId = await UploadAsync(agent, ticket, pdf, "Rechnung März.pdf", "application/pdf");
        var pngId = await UploadAsync(agent, ticket, png, "photo.png", "image/png");

        var reply = await agent.Http.PostAsJsonAsync($"{ticket}/replies", new { commandId = "files-1", text = "Here they are", attachmentIds = new[] { pdfId, pngId } });
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);

        var mail = Assert.Single(await Email.Smtp.WaitForAsync(requester));
        var files = mail.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(["Rechnung März.pdf", "photo.png"], files.Select(f => f.FileName));
        Assert.Equal(["application/pdf", "image/png"], files.Select(f => f.ContentType.MimeType));
        Assert.Equal(pdf, Content(files[0]));
        Assert.Equal(png, Content(files[1]));
        Assert.Contains("Here they are", mail.TextBody);
        Assert.Contains("Attached: Rechnung März.pdf (9 KB), photo.png (3 KB)", mail.TextBody);
    }

    [Fact, Trait("Spec", "TIC-2"), Trait("Spec", "X-1")]
    public async Task TIC2_a_reply_whose_files_exceed_one_emails_limit_is_refused_with_the_sizes_and_nothing_is_sent()
    {
        var (property, ticketId, requester) = await Email.NewTicketAsync();
        using var agent = await SignedInAgent.CreateAsync(Email.Client, fixture.Web, property);
        var ticket = $"/api/v1/properties/{property}/tickets/{ticketId}";
        var ids = new List<string>();
        foreach (var name in new[] { "a.pdf", "b.pdf", "c.pdf" })
        {
            ids.Add(await UploadAsync(agent, ticket, [.. "%PDF-1.4 "u8, .. new byte[15_000]], name, "application/pdf"));
        }

        // 3 × 15 KB is over the cluster's 40,000 bytes per email (EmailCluster).
        var refused = await agent.Http.PostAsJsonAsync($"{ticket}/replies", new { commandId = "too-big", text = "All three", attachmentIds = ids });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("at most 40 KB together; these come to 44 KB", problem.GetProperty("detail").GetString());
        var messages = await agent.Http.GetFromJsonAsync<JsonElement>($"{ticket}/messages");
        Assert.Equal(1, messages.GetArrayLength());

        // Two of them fit; the requester gets that reply only.
        (await agent.Http.PostAsJsonAsync($"{ticket}/replies", new { commandId = "two", text = "Two of them", attachmentIds = ids.Take(2) })).EnsureSuccessStatusCode();
        var mail = Assert.Single(await Email.Smtp.WaitForAsync(requester));
        Assert.Equal(["a.pdf", "b.pdf"], mail.Attachments.OfType<MimePart>().Select(f => f.FileName));
        await Task.Delay(500);
        Assert.Single(Email.Smtp.To(requester));
    }

    private static async Task<string> UploadAsync(SignedInAgent agent, string ticket, byte[] content, string name, string type)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        var upload = await agent.Http.PostAsync($"{ticket}/attachments", new MultipartFormDataContent { { file, "file", name } });
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        return (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static byte[] Content(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
