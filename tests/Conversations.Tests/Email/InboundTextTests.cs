using System.Net;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Messages;
using Conversations.Tests.Infrastructure;
using MimeKit;

namespace Conversations.Tests.Email;

/// <summary>TIC-2: the text of a real email through the silo's SMTP listener arrives whole, with its line breaks.</summary>
public sealed class InboundTextTests(EmailWebCluster fixture) : IClassFixture<EmailWebCluster>
{
    private EmailCluster Email => fixture.Email;

    [Fact, Trait("Spec", "TIC-2")]
    public async Task TIC2_a_long_email_is_kept_whole_its_message_shows_the_beginning_and_the_whole_text_is_attached()
    {
        var property = await Email.NewPropertyAsync(withSupportAddress: true);
        var lines = Enumerable.Range(1, 1200).Select(i => $"Line {i:D4}: the quick brown fox jumps").Append("The end.").ToList();
        var mail = MailSender.Message("Carl <carl@example.com>", EmailCluster.SupportAddress(property), "A long story", string.Join("\r\n", lines));

        await MailSender.SendAsync(Email.InboundPort, mail);

        var ticketId = InboundMail.NewTicketId(property, mail.MessageId!);
        var message = Assert.Single(await Email.Client.GetGrain<ITicketGrain>(ticketId).GetMessagesAsync(property, 0, 10));
        var whole = string.Join("\n", lines);
        Assert.True(message.Text.Length <= MessageText.MaxLength);
        Assert.StartsWith("Line 0001: the quick brown fox jumps\nLine 0002:", message.Text);
        Assert.EndsWith($"…\n\n[This email is {whole.Length:N0} characters long: the whole text is attached as message.txt.]", message.Text);
        var shown = message.Text[..message.Text.IndexOf('…')].Split('\n');
        Assert.Equal(lines.Take(shown.Length), shown); // cut after a whole line

        var attached = message.Attachments![0];
        Assert.Equal(("message.txt", "text/plain"), (attached.Name, attached.ContentType));
        using var member = await SignedInAgent.CreateAsync(Email.Client, fixture.Web, property);
        using var download = await member.Http.GetAsync($"/api/v1/properties/{property}/tickets/{ticketId}/attachments/{attached.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(whole, await download.Content.ReadAsStringAsync());
    }

    [Fact, Trait("Spec", "TIC-2")]
    public async Task TIC2_line_breaks_are_kept_whatever_the_sender_used_and_no_words_are_glued()
    {
        var property = await Email.NewPropertyAsync(withSupportAddress: true);
        var plain = MailSender.Message("carl@example.com", EmailCluster.SupportAddress(property), "Plain",
            "Forwarded:\r\nFrom: a@example.com\r\nSubject: x\r\n\r\nOld Mac\rline");
        var html = MailSender.Message("carl@example.com", EmailCluster.SupportAddress(property), "Html", "");
        html.Body = new TextPart("html")
        {
            Text = "<div>Forwarded:</div><table><tr><td>From:</td><td>a@example.com</td></tr><tr><td>Subject:</td><td>x</td></tr></table>"
                + "<pre>one\r\ntwo</pre><p>A paragraph\r\nwrapped in the source</p><ul><li>first</li><li>second</li></ul>",
        };

        Assert.Equal("Forwarded:\nFrom: a@example.com\nSubject: x\n\nOld Mac\nline", await FirstMessageAsync(property, plain));
        var text = await FirstMessageAsync(property, html);
        Assert.Equal("Forwarded:\nFrom:\ta@example.com\nSubject:\tx\none\ntwo\n\nA paragraph wrapped in the source\n\nfirst\nsecond", text);
    }

    private async Task<string> FirstMessageAsync(string property, MimeMessage mail)
    {
        await MailSender.SendAsync(Email.InboundPort, mail);
        var ticket = Email.Client.GetGrain<ITicketGrain>(InboundMail.NewTicketId(property, mail.MessageId!));
        return Assert.Single(await ticket.GetMessagesAsync(property, 0, 10)).Text;
    }
}
