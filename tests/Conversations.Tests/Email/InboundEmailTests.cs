using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;
using MailKit.Net.Smtp;
using MimeKit;

namespace Conversations.Tests.Email;

/// <summary>Real MIME messages, friendly and hostile, through the silo's SMTP listener.</summary>
public sealed class InboundEmailTests(EmailCluster email) : IClassFixture<EmailCluster>
{
    private IClusterClient Client => email.Client;

    [Fact, Trait("Spec", "TIC-1")]
    public async Task TIC1_mail_to_a_support_address_opens_one_ticket_even_when_delivered_twice()
    {
        var property = await email.NewPropertyAsync(withSupportAddress: true);
        var support = EmailCluster.SupportAddress(property);
        var message = MailSender.Message("Carl <carl@example.com>", support, "Cannot log in", "My password stopped working.");

        await MailSender.SendAsync(email.InboundPort, message);
        await MailSender.SendAsync(email.InboundPort, message);

        var ticket = Client.GetGrain<ITicketGrain>(InboundMail.NewTicketId(property, message.MessageId!));
        var view = await ticket.GetAsync(property);
        Assert.Equal(("Cannot log in", "carl@example.com", "Carl", 1L), (view.Subject, view.Requester.Email, view.Requester.Name, view.MessageCount));
        var first = Assert.Single(await ticket.GetMessagesAsync(property, 0, 10));
        Assert.Equal((AuthorKind.Visitor, "My password stopped working."), (first.AuthorKind, first.Text));
    }

    [Fact, Trait("Spec", "TIC-2")]
    public async Task TIC2_the_visitors_answer_to_a_reply_is_appended_by_reply_address_or_by_in_reply_to()
    {
        var (property, support, ticketId, requester, reply) = await RepliedTicketAsync();

        var answer = MailSender.Message(requester, reply.ReplyTo.Mailboxes.Single().Address, "Re: " + reply.Subject, "Thanks, that worked.");
        answer.InReplyTo = reply.MessageId;
        await MailSender.SendAsync(email.InboundPort, answer);

        var second = MailSender.Message(requester, support, "Re: " + reply.Subject, "One more thing.");
        second.InReplyTo = reply.MessageId;
        second.References.Add(reply.MessageId!);
        await MailSender.SendAsync(email.InboundPort, second);

        var messages = await Client.GetGrain<ITicketGrain>(ticketId).GetMessagesAsync(property, 0, 10);
        Assert.Equal(["Help", "Try turning it off", "Thanks, that worked.", "One more thing."], messages.Select(m => m.Text));
        Assert.Equal(AuthorKind.Visitor, messages[^1].AuthorKind);
    }

    [Fact, Trait("Spec", "TIC-5")]
    public async Task TIC5_an_answer_to_a_closed_ticket_opens_a_new_ticket_and_both_show_the_link()
    {
        var (property, _, ticketId, requester, reply) = await RepliedTicketAsync();
        await Client.GetGrain<ITicketGrain>(ticketId).SetStatusAsync(property, TicketStatus.Closed);

        var answer = MailSender.Message(requester, reply.ReplyTo.Mailboxes.Single().Address, "Re: " + reply.Subject, "It is broken again.");
        await MailSender.SendAsync(email.InboundPort, answer);

        var followUp = await Client.GetGrain<ITicketGrain>(InboundMail.FollowUpTicketId(ticketId, answer.MessageId!)).GetAsync(property);
        Assert.Equal((ticketId, TicketStatus.Open, requester, 1L), (followUp.PreviousTicketId, followUp.Status, followUp.Requester.Email, followUp.MessageCount));
        var previous = await Client.GetGrain<ITicketGrain>(ticketId).GetAsync(property);
        Assert.Equal((TicketStatus.Closed, followUp.Id), (previous.Status, previous.FollowUpTicketId));
    }

    [Fact, Trait("Spec", "TIC-5")]
    public async Task TIC5_the_requesters_answer_sets_a_pending_ticket_back_to_open()
    {
        var (property, ticketId, requester) = await email.NewTicketAsync(withSupportAddress: true);
        var ticket = Client.GetGrain<ITicketGrain>(ticketId);
        await ticket.ReplyAsync(new ReplyToTicket(property, "r-1", "agent-1", "Bo", "Could you send a screenshot?", TicketStatus.Pending));
        var reply = Assert.Single(await email.Smtp.WaitForAsync(requester));
        Assert.Equal(TicketStatus.Pending, (await ticket.GetAsync(property)).Status);

        var answer = MailSender.Message(requester, reply.ReplyTo.Mailboxes.Single().Address, "Re: " + reply.Subject, "Here it is.");
        await MailSender.SendAsync(email.InboundPort, answer);

        var view = await ticket.GetAsync(property);
        Assert.Equal((TicketStatus.Open, 3L), (view.Status, view.MessageCount));
        var answered = Assert.Single(await ticket.GetMessagesAsync(property, 2, 10));
        Assert.Equal((AuthorKind.Visitor, "Here it is."), (answered.AuthorKind, answered.Text));
    }

    [Fact, Trait("Spec", "TIC-2")]
    public async Task TIC2_forged_tokens_strangers_and_missing_senders_are_refused()
    {
        var (property, _, ticketId, requester, reply) = await RepliedTicketAsync();
        var replyTo = reply.ReplyTo.Mailboxes.Single().Address;
        var forgedTo = replyTo[..(replyTo.IndexOf('@') - 4)] + "0000" + replyTo[replyTo.IndexOf('@')..];
        var otherTicket = replyTo.Replace(ticketId.ToString("N"), Guid.NewGuid().ToString("N"), StringComparison.Ordinal);

        await AssertRefusedAsync(MailSender.Message(requester, forgedTo, "Re", "forged"), 554);
        await AssertRefusedAsync(MailSender.Message(requester, otherTicket, "Re", "moved token"), 554);
        await AssertRefusedAsync(MailSender.Message("mallory@example.com", replyTo, "Re", "not the requester"), 554);
        var noFrom = MailSender.Message("x@example.com", replyTo, "Re", "no sender");
        noFrom.From.Clear();
        noFrom.Sender = MailboxAddress.Parse("x@example.com");
        await AssertRefusedAsync(noFrom, 554);
        await AssertRefusedAsync(MailSender.Message("carl@example.com", "nobody@conversations.test", "Hi", "unknown mailbox"), 550);

        Assert.Equal(2, (await Client.GetGrain<ITicketGrain>(ticketId).GetAsync(property)).MessageCount);
    }

    [Fact, Trait("Spec", "TIC-1")]
    public async Task TIC1_a_recipient_that_cannot_be_a_storage_key_is_unknown_not_a_lookalike_support_address()
    {
        // Orleans stores "help#x" under the key of "help_x": mail to the first must not open a ticket in the second's property.
        var property = "mail-" + Guid.NewGuid().ToString("N")[..12];
        await Client.GetGrain<Conversations.Grains.Interfaces.Properties.IPropertyGrain>(property).CreateAsync("Mail test", $"help_{property}@conversations.test");

        var lookalike = MailSender.Message("carl@example.com", $"help#{property}@conversations.test", "Hi", "lookalike");
        await AssertRefusedAsync(lookalike, 550);
        await Assert.ThrowsAsync<DomainException>(() => Client.GetGrain<ITicketGrain>(InboundMail.NewTicketId(property, lookalike.MessageId!)).GetAsync(property));

        var real = MailSender.Message("carl@example.com", $"help_{property}@conversations.test", "Hi", "the real one");
        await MailSender.SendAsync(email.InboundPort, real);
        Assert.Equal("Hi", (await Client.GetGrain<ITicketGrain>(InboundMail.NewTicketId(property, real.MessageId!)).GetAsync(property)).Subject);
    }

    [Fact, Trait("Spec", "TIC-1")]
    public async Task TIC1_html_mail_is_reduced_to_text_and_a_refused_attachment_is_noted()
    {
        var property = await email.NewPropertyAsync(withSupportAddress: true);
        var support = EmailCluster.SupportAddress(property);
        var message = MailSender.Message("Dee <dee@example.com>", support, "Subject\twith\r\n control", "");
        var body = new BodyBuilder
        {
            HtmlBody = "<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>" +
                       "<p onclick=\"steal()\">Hello <b>there</b></p><img src=x onerror=alert(1)><iframe src=\"javascript:alert(2)\"></iframe><div>Line two</div></body></html>",
        };
        body.Attachments.Add("evil.exe", new byte[1024], new ContentType("application", "octet-stream"));
        message.Body = body.ToMessageBody();

        await MailSender.SendAsync(email.InboundPort, message);

        var ticket = Client.GetGrain<ITicketGrain>(InboundMail.NewTicketId(property, message.MessageId!));
        Assert.Equal("Subject with control", (await ticket.GetAsync(property)).Subject);
        var text = Assert.Single(await ticket.GetMessagesAsync(property, 0, 10)).Text;
        Assert.Contains("Hello there", text);
        Assert.Contains("Line two", text);
        Assert.Contains("[Attachments not kept:\n- evil.exe: files of type application/octet-stream are not accepted", text);
        foreach (var hostile in new[] { "<", "alert", "script", "steal", "color:red", "javascript" })
        {
            Assert.DoesNotContain(hostile, text);
        }
    }

    [Fact, Trait("Spec", "TIC-1")]
    public async Task TIC1_a_message_over_the_size_limit_is_refused_with_552_and_opens_nothing()
    {
        var property = await email.NewPropertyAsync(withSupportAddress: true);
        var support = EmailCluster.SupportAddress(property);
        var huge = MailSender.Message("eve@example.com", support, "Huge", new string('x', 200_000));

        await AssertRefusedAsync(huge, 552);

        var ticket = Client.GetGrain<ITicketGrain>(InboundMail.NewTicketId(property, huge.MessageId!));
        await Assert.ThrowsAsync<DomainException>(() => ticket.GetAsync(property));
    }

    private async Task AssertRefusedAsync(MimeMessage message, int code)
    {
        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => MailSender.SendAsync(email.InboundPort, message));
        Assert.Equal(code, (int)refused.StatusCode);
    }

    private async Task<(string Property, string Support, Guid TicketId, string Requester, MimeMessage Reply)> RepliedTicketAsync()
    {
        var (property, ticketId, requester) = await email.NewTicketAsync(withSupportAddress: true);
        await Client.GetGrain<ITicketGrain>(ticketId).ReplyAsync(new ReplyToTicket(property, "r-1", "agent-1", "Bo", "Try turning it off", null));
        return (property, EmailCluster.SupportAddress(property), ticketId, requester, Assert.Single(await email.Smtp.WaitForAsync(requester)));
    }
}
