using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Departments;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Sla;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Email;

/// <summary>What the outbox sends, as a real SMTP server receives it.</summary>
public sealed class OutboundEmailTests(EmailCluster email) : IClassFixture<EmailCluster>
{
    private IClusterClient Client => email.Client;

    [Fact, Trait("Spec", "TIC-2"), Trait("Spec", "TIC-4")]
    public async Task TIC2_a_reply_is_emailed_to_the_requester_threaded_and_encoded_and_a_whisper_never_is()
    {
        var (property, ticketId, requester) = await email.NewTicketAsync();
        var ticket = Client.GetGrain<ITicketGrain>(ticketId);
        await ticket.WhisperAsync(new PostWhisper(property, "w-1", "agent-1", "Bo", "SECRET-WHISPER internal note"));
        await ticket.ReplyAsync(new ReplyToTicket(property, "r-1", "agent-1", "Bo <b>", "Hi <script>alert(1)</script>\nsecond line", null));

        var mail = Assert.Single(await email.Smtp.WaitForAsync(requester));
        Assert.Equal("Re: Printer on fire", mail.Subject);
        Assert.Equal(EmailCluster.From, mail.From.Mailboxes.Single().Address);
        var replyTo = mail.ReplyTo.Mailboxes.Single().Address;
        Assert.Matches($"^support\\+t\\.{ticketId:N}\\.[0-9a-f]{{20}}@conversations\\.test$", replyTo);
        Assert.StartsWith($"t.{ticketId:N}.", mail.MessageId);
        Assert.Equal(mail.InReplyTo, Assert.Single(mail.References));
        Assert.StartsWith($"t.{ticketId:N}.", mail.InReplyTo);
        Assert.Contains("Hi <script>alert(1)</script>\nsecond line", mail.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains("Hi &lt;script&gt;alert(1)&lt;/script&gt;<br>second line", mail.HtmlBody!);
        Assert.Contains("Bo &lt;b&gt;", mail.HtmlBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody);

        // The reply arrived after the whisper; nothing anywhere carries the whisper.
        await Task.Delay(500);
        Assert.DoesNotContain(email.Smtp.Received, m => m.ToString().Contains("SECRET-WHISPER"));
        Assert.Single(email.Smtp.To(requester));
    }

    [Fact, Trait("Spec", "TIC-2"), Trait("Spec", "X-1")]
    public async Task TIC2_user_strings_in_email_subjects_are_isolated_so_bidi_controls_cannot_reverse_the_line()
    {
        // A visitor named with a right-to-left override: the ticket made from their chat is "Chat with <name>".
        var property = await email.NewPropertyAsync();
        var chat = Client.GetGrain<IChatGrain>(Guid.NewGuid());
        await chat.StartAsync(new StartChat(property, "v-rlo", "\u202Eexe.gnp"));
        var requester = $"eve-{Guid.NewGuid():N}@example.com";
        var fromChat = await chat.ConvertToTicketAsync(new ConvertChatToTicket(property, requester, null));
        await Client.GetGrain<ITicketGrain>(fromChat.Id).ReplyAsync(new ReplyToTicket(property, "r-1", "agent-1", "Bo\u2067", "Hello", null));

        // A subject in Hebrew with an isolate left open: laid out on its own, so the "Re: " before it stays where it is.
        var hebrew = Guid.NewGuid();
        var other = $"dan-{hebrew:N}@example.com";
        await Client.GetGrain<ITicketGrain>(hebrew).CreateAsync(
            new CreateTicket(property, "\u05E9\u05DC\u05D5\u05DD 123 \u2067", new TicketRequester(null, "\u202EDan", other), TicketPriority.Medium, "Hi"));
        await Client.GetGrain<ITicketGrain>(hebrew).ReplyAsync(new ReplyToTicket(property, "r-1", "agent-1", "Bo", "Hello", null));

        var spoofed = Assert.Single(await email.Smtp.WaitForAsync(requester));
        Assert.Equal("Re: Chat with exe.gnp", spoofed.Subject);
        Assert.StartsWith("Hello exe.gnp,\n\nBo replied", spoofed.TextBody!.ReplaceLineEndings("\n"));
        var rightToLeft = Assert.Single(await email.Smtp.WaitForAsync(other));
        Assert.Equal("Re: \u2068\u05E9\u05DC\u05D5\u05DD 123 \u2069", rightToLeft.Subject);
        Assert.StartsWith("Hello Dan,", rightToLeft.TextBody);
        foreach (var control in "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u200E\u200F")
        {
            Assert.DoesNotContain(control, spoofed.Subject + spoofed.TextBody + spoofed.HtmlBody + rightToLeft.Subject + rightToLeft.TextBody);
        }
    }

    [Fact, Trait("Spec", "TIC-6")]
    public async Task TIC6_assigning_an_agent_emails_the_agent_and_tells_the_visitor_and_replies_notify_the_assignee()
    {
        var (property, ticketId, requester) = await email.NewTicketAsync();
        var agent = await PropertyTeam.NewAgentAsync(Client, property);
        var ticket = Client.GetGrain<ITicketGrain>(ticketId);

        await ticket.AssignAsync(new AssignConversation(property, AssigneeKind.Agent, agent.Id.ToString()));

        var assigned = Assert.Single(await email.Smtp.WaitForAsync(agent.Email));
        Assert.Equal("[Assigned] Printer on fire", assigned.Subject);
        Assert.Contains(requester, assigned.TextBody!);
        var notice = Assert.Single(await email.Smtp.WaitForAsync(requester));
        Assert.Contains("assigned", notice.TextBody!);

        await ticket.PostMessageAsync(new PostMessage(property, "v-1", AuthorKind.Visitor, requester, "Ann", "Still burning & smoking"));
        var notifications = await email.Smtp.WaitForAsync(agent.Email, 2);
        var notification = notifications.Single(m => m.Subject!.StartsWith("[New message]", StringComparison.Ordinal));
        Assert.Contains("Still burning &amp; smoking", notification.HtmlBody);

        // The assignee's own reply goes to the visitor, not back to them.
        await ticket.ReplyAsync(new ReplyToTicket(property, "r-1", agent.Id.ToString(), agent.Name, "On it", null));
        await email.Smtp.WaitForAsync(requester, 2);
        await Task.Delay(500);
        Assert.Equal(2, email.Smtp.To(agent.Email).Count());
    }

    [Fact, Trait("Spec", "TIC-6")]
    public async Task TIC6_assigning_a_department_emails_every_member()
    {
        var (property, ticketId, _) = await email.NewTicketAsync();
        var first = await PropertyTeam.NewAgentAsync(Client, property);
        var second = await PropertyTeam.NewAgentAsync(Client, property);
        var departmentId = await PropertyTeam.NewDepartmentAsync(Client, property, first.Id, second.Id);

        await Client.GetGrain<ITicketGrain>(ticketId).AssignAsync(new AssignConversation(property, AssigneeKind.Department, departmentId.ToString()));

        Assert.Equal("[Assigned] Printer on fire", Assert.Single(await email.Smtp.WaitForAsync(first.Email)).Subject);
        Assert.Equal("[Assigned] Printer on fire", Assert.Single(await email.Smtp.WaitForAsync(second.Email)).Subject);
    }

    [Fact, Trait("Spec", "TIC-6"), Trait("Spec", "ADM-4")]
    public async Task TIC6_an_agent_or_department_of_another_property_is_refused_as_assignee_and_gets_no_email()
    {
        var (property, ticketId, requester) = await email.NewTicketAsync();
        var elsewhere = await email.NewPropertyAsync();
        var foreigner = await PropertyTeam.NewAgentAsync(Client, elsewhere);
        var foreignDepartment = await PropertyTeam.NewDepartmentAsync(Client, elsewhere, foreigner.Id);
        var ticket = Client.GetGrain<ITicketGrain>(ticketId);

        var agent = await Assert.ThrowsAsync<DomainException>(() => ticket.AssignAsync(new AssignConversation(property, AssigneeKind.Agent, foreigner.Id.ToString())));
        var department = await Assert.ThrowsAsync<DomainException>(() => ticket.AssignAsync(new AssignConversation(property, AssigneeKind.Department, foreignDepartment.ToString())));
        Assert.Equal((DomainErrorCode.Invalid, DomainErrorCode.Invalid), (agent.Code, department.Code));
        Assert.Null((await ticket.GetAsync(property)).Assignee);

        // The outbox sends in version order: once the reply's email is out, an assignment email would have been too.
        await ticket.ReplyAsync(new ReplyToTicket(property, "r-1", "agent-1", "Bo", "Looking into it", null));
        await email.Smtp.WaitForAsync(requester);
        Assert.Empty(email.Smtp.To(foreigner.Email));
        Assert.DoesNotContain((await Client.GetGrain<IEmailOutboxGrain>(ticketId).GetAsync()).RecentlySent, e => e.To == foreigner.Email);
    }

    [Fact, Trait("Spec", "ADM-4"), Trait("Spec", "TIC-6")]
    public async Task ADM4_an_agent_removed_from_the_property_gets_no_more_ticket_emails()
    {
        var (property, ticketId, requester) = await email.NewTicketAsync();
        var leaver = await PropertyTeam.NewAgentAsync(Client, property);
        var stayer = await PropertyTeam.NewAgentAsync(Client, property);
        var departmentId = await PropertyTeam.NewDepartmentAsync(Client, property, leaver.Id, stayer.Id);
        var ticket = Client.GetGrain<ITicketGrain>(ticketId);
        await ticket.AssignAsync(new AssignConversation(property, AssigneeKind.Agent, leaver.Id.ToString()));
        Assert.Equal("[Assigned] Printer on fire", Assert.Single(await email.Smtp.WaitForAsync(leaver.Email)).Subject);

        await Client.GetGrain<IPropertyGrain>(property).RemoveMemberAsync(leaver.Id);

        Assert.Equal([stayer.Id], (await Client.GetGrain<IDepartmentGrain>(departmentId).GetAsync(property)).Members);

        // Still the assignee of the first ticket: the requester's next message would notify them.
        await ticket.PostMessageAsync(new PostMessage(property, "v-1", AuthorKind.Visitor, requester, "Ann", "Any news?"));
        var secondId = Guid.NewGuid();
        var second = Client.GetGrain<ITicketGrain>(secondId);
        await second.CreateAsync(new CreateTicket(property, "Smoke alarm", new TicketRequester(null, "Bo", $"bo-{secondId:N}@example.com"), TicketPriority.High, "Beeping"));
        await second.AssignAsync(new AssignConversation(property, AssigneeKind.Department, departmentId.ToString()));
        Assert.Equal("[Assigned] Smoke alarm", Assert.Single(await email.Smtp.WaitForAsync(stayer.Email)).Subject);

        // The outbox sends in version order: once the reply is out, a notification of the message before it would be too.
        await ticket.ReplyAsync(new ReplyToTicket(property, "r-1", stayer.Id.ToString(), stayer.Name, "Checking", null));
        await email.Smtp.WaitForAsync(requester, 2);
        Assert.Single(email.Smtp.To(leaver.Email));
    }

    [Fact, Trait("Spec", "TIC-2")]
    public async Task TIC2_an_email_the_server_refuses_for_good_is_dead_lettered_for_the_property()
    {
        var property = await email.NewPropertyAsync();
        var ticketId = Guid.NewGuid();
        var ticket = Client.GetGrain<ITicketGrain>(ticketId);
        await ticket.CreateAsync(new CreateTicket(property, "Bounce", new TicketRequester(null, null, $"bounce-{ticketId:N}@example.com"), TicketPriority.Medium, "hi"));
        await ticket.ReplyAsync(new ReplyToTicket(property, "r-1", "agent-1", "Bo", "Hello", null));

        var letter = await WaitForDeadLetterAsync(property);
        Assert.Equal((OutboxEmailStatus.Dead, ticketId, 1), (letter.Status, letter.TicketId, letter.Attempts));
        Assert.StartsWith("550", letter.LastError);
        Assert.Empty((await Client.GetGrain<IEmailOutboxGrain>(ticketId).GetAsync()).Pending);
    }

    [Fact, Trait("Spec", "TIC-2")]
    public async Task TIC2_temporary_refusals_are_retried_with_growing_delays_then_dead_lettered_after_max_attempts()
    {
        var (property, ticketId, requester) = await email.NewTicketAsync();
        email.Smtp.Refusing = true;
        try
        {
            var started = DateTimeOffset.UtcNow;
            await Client.GetGrain<ITicketGrain>(ticketId).ReplyAsync(new ReplyToTicket(property, "r-1", "agent-1", "Bo", "Hello", null));

            var letter = await WaitForDeadLetterAsync(property);

            // MaxAttempts is 3 and RetryBaseDelay 1 s: waits of 1 s and 2 s between the attempts.
            Assert.Equal((3, requester), (letter.Attempts, letter.To));
            Assert.StartsWith("451", letter.LastError);
            Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(3));
        }
        finally
        {
            email.Smtp.Refusing = false;
        }

        Assert.Empty(email.Smtp.To(requester));
    }

    private async Task<OutboxEmail> WaitForDeadLetterAsync(string property)
    {
        var deadLetters = Client.GetGrain<IEmailDeadLettersGrain>(property);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<OutboxEmail> dead;
        while ((dead = await deadLetters.ListAsync()).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The email was never dead-lettered.");
            await Task.Delay(100);
        }

        return Assert.Single(dead);
    }

    [Fact, Trait("Spec", "SLA-1")]
    public async Task SLA1_a_breach_notice_has_no_reply_address_or_ticket_thread_so_a_reply_to_it_finds_no_ticket()
    {
        var property = "sla-mail-" + Guid.NewGuid().ToString("N")[..8];
        var agent = await PropertyTeam.NewAgentAsync(Client, property);
        await Client.GetGrain<IEmailOutboxGrain>(SlaGrain.OutboxId(property)).EnqueueAsync(property,
        [
            new EmailIntent(1, EmailKind.SlaBreached, property, "Chat with Vera", new TicketRequester("", null, ""),
                new ConversationAssignee(AssigneeKind.Agent, agent.Id.ToString()), null, null, "The first response was due at 2026-12-05 10:00 UTC."),
        ]);

        var mail = Assert.Single(await email.Smtp.WaitForAsync(agent.Email));
        Assert.Equal("[SLA breached] Chat with Vera", mail.Subject);
        Assert.Empty(mail.ReplyTo.Mailboxes);
        Assert.Null(mail.InReplyTo);
        Assert.Empty(mail.References);
        Assert.DoesNotMatch(@"t\.[0-9a-f]{32}\.", mail.MessageId);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
    }
}
