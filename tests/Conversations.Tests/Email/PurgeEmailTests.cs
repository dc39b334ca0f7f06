using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Email;
using Conversations.Tests.Infrastructure;
using MimeKit;

namespace Conversations.Tests.Email;

/// <summary>
/// BIN-2 for a ticket that came by email and was answered: after the purge, nothing of it is left anywhere — not its
/// files in blob storage, not the emails in its outbox (pending or sent), not its dead letters at the admins' outbox
/// listing — checked over every table and blob container of the storage account.
/// </summary>
public sealed class PurgeEmailTests(EmailWebCluster fixture) : IClassFixture<EmailWebCluster>
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private EmailCluster Email => fixture.Email;

    [Fact, Trait("Spec", "BIN-2")]
    public async Task BIN2_a_purged_email_ticket_leaves_no_file_no_outbox_email_and_no_dead_letter()
    {
        var marker = "purge-" + Guid.NewGuid().ToString("N")[..12];
        var property = await Email.NewPropertyAsync(withSupportAddress: true);
        using var admin = await SignedInAgent.CreateAsync(Email.Client, fixture.Web, property);

        // The test SMTP server refuses addresses starting "bounce" (550): every email to this requester becomes a dead letter.
        var requester = $"bounce-{marker}@example.com";
        var mail = MailSender.Message(requester, EmailCluster.SupportAddress(property), "Subject " + marker, "");
        var body = new BodyBuilder { TextBody = "Body " + marker };
        body.Attachments.Add(marker + ".png", [.. PngHeader, .. System.Text.Encoding.UTF8.GetBytes(marker)], ContentType.Parse("image/png"));
        mail.Body = body.ToMessageBody();
        await MailSender.SendAsync(Email.InboundPort, mail);
        var ticketId = InboundMail.NewTicketId(property, mail.MessageId!);
        var ticket = $"/api/v1/properties/{property}/tickets/{ticketId}";
        var attachmentId = (await admin.Http.GetFromJsonAsync<JsonElement>(ticket + "/messages"))[0].GetProperty("attachments")[0].GetProperty("id").GetString();

        // A reply (dead: bounced), an assignment (sent to the agent, and a notice to the requester: dead), then a reply that stays
        // pending while the server refuses everything for now.
        Assert.True((await admin.Http.PostAsJsonAsync(ticket + "/replies", new { commandId = "r-1", text = "Reply " + marker })).IsSuccessStatusCode);
        Assert.True((await admin.Http.PostAsJsonAsync(ticket + "/assignee", new { kind = 1, assigneeId = admin.AgentId.ToString() })).IsSuccessStatusCode);
        await Email.Smtp.WaitForAsync(admin.Email);
        await WaitForDeadLettersAsync(admin, property, 2);
        Email.Smtp.Refusing = true;
        try
        {
            Assert.True((await admin.Http.PostAsJsonAsync(ticket + "/replies", new { commandId = "r-2", text = "Pending " + marker })).IsSuccessStatusCode);
            var outbox = await Email.Client.GetGrain<IEmailOutboxGrain>(ticketId).GetAsync();
            Assert.NotEmpty(outbox.Pending);
            Assert.NotEmpty(outbox.RecentlySent);

            Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsync(ticket + "/trash", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PostAsync(ticket + "/purge", null)).StatusCode);
        }
        finally
        {
            Email.Smtp.Refusing = false;
        }

        Assert.Empty((await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{property}/email/outbox?state=dead")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"{ticket}/attachments/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync(ticket + "/messages")).StatusCode);
        var emptied = await Email.Client.GetGrain<IEmailOutboxGrain>(ticketId).GetAsync();
        Assert.Equal((0, 0, ""), (emptied.Pending.Count, emptied.RecentlySent.Count, emptied.PropertyId));
        await StorageScan.AssertPurgedAsync(Email.Cluster.Settings.StorageConnectionString, ticketId, marker);
    }

    private static async Task WaitForDeadLettersAsync(SignedInAgent admin, string property, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/properties/{property}/email/outbox?state=dead")).GetArrayLength() < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} dead letters.");
            await Task.Delay(100);
        }
    }
}
