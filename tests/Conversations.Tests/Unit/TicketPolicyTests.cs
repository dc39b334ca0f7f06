using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Tickets;

namespace Conversations.Tests.Unit;

/// <summary>The ticket's rules as a plain table, without Orleans: status, messages, merge seal, emails, transcript window.</summary>
public sealed class TicketPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly TicketPolicy Policy = new(new EmailSettings { SmtpHost = "localhost", MaxEmailsWaitingPerTicket = 3, MaxEmailAttachmentBytes = 1000 });

    [Theory, Trait("Spec", "TIC-5")]
    [InlineData(TicketStatus.Open, TicketStatus.Pending)]
    [InlineData(TicketStatus.Pending, TicketStatus.Open)]
    [InlineData(TicketStatus.Open, TicketStatus.Closed)]
    [InlineData(TicketStatus.Pending, TicketStatus.Closed)]
    public void TIC5_open_and_pending_move_both_ways_and_both_can_close(TicketStatus from, TicketStatus to) =>
        Assert.True(TicketPolicy.ChangesStatus(from, to));

    [Theory, Trait("Spec", "TIC-5")]
    [InlineData(TicketStatus.Open)]
    [InlineData(TicketStatus.Pending)]
    [InlineData(TicketStatus.Closed)]
    public void TIC5_setting_the_current_status_changes_nothing(TicketStatus status) =>
        Assert.False(TicketPolicy.ChangesStatus(status, status));

    [Theory, Trait("Spec", "TIC-5")]
    [InlineData(TicketStatus.Open)]
    [InlineData(TicketStatus.Pending)]
    public void TIC5_a_closed_ticket_cannot_be_reopened_or_set_pending(TicketStatus to)
    {
        var error = Assert.Throws<DomainException>(() => TicketPolicy.ChangesStatus(TicketStatus.Closed, to));
        Assert.Equal(DomainErrorCode.Irreversible, error.Code);
        Assert.Contains("irreversible", error.Message);
    }

    [Theory, Trait("Spec", "X-1")]
    [InlineData(TicketStatus.None)]
    [InlineData((TicketStatus)99)]
    public void X1_an_unknown_target_status_is_invalid(TicketStatus to) =>
        Assert.Equal(DomainErrorCode.Invalid, Assert.Throws<DomainException>(() => TicketPolicy.ChangesStatus(TicketStatus.Open, to)).Code);

    [Theory, Trait("Spec", "TIC-5")]
    [InlineData(TicketStatus.Open, false)]
    [InlineData(TicketStatus.Pending, true)]
    public void TIC5_the_requesters_message_reopens_a_pending_ticket_only(TicketStatus status, bool reopens) =>
        Assert.Equal(reopens, TicketPolicy.ReopensOnRequesterMessage(Ticket(status)));

    [Fact, Trait("Spec", "TIC-5")]
    public void TIC5_open_and_pending_tickets_take_messages_and_a_closed_one_refuses_them()
    {
        Policy.EnsureAcceptsMessages(Ticket(TicketStatus.Open));
        Policy.EnsureAcceptsMessages(Ticket(TicketStatus.Pending));
        Assert.Equal(DomainErrorCode.Conflict, Assert.Throws<DomainException>(() => Policy.EnsureAcceptsMessages(Ticket(TicketStatus.Closed))).Code);
        Assert.Equal((false, false, true), (Policy.Closed(Ticket(TicketStatus.Open)), Policy.Closed(Ticket(TicketStatus.Pending)), Policy.Closed(Ticket(TicketStatus.Closed))));
    }

    [Fact, Trait("Spec", "MRG-1")]
    public void MRG1_a_ticket_rewriting_its_transcript_takes_no_message_and_cannot_be_merged_until_done()
    {
        var ticket = Ticket(TicketStatus.Open);
        ticket.PendingRewrite = new TranscriptRewrite { Id = "m1", BaseSequence = 3 };
        Assert.Throws<UnavailableException>(() => Policy.EnsureAcceptsMessages(ticket));
        Assert.Throws<UnavailableException>(() => Policy.EnsureMergeable(ticket));
        Policy.EnsureMergeable(Ticket(TicketStatus.Closed));
    }

    [Theory, Trait("Spec", "MRG-1")]
    [InlineData(TicketStatus.Open)]
    [InlineData(TicketStatus.Pending)]
    public void MRG1_sealing_closes_an_open_or_pending_ticket_with_one_event(TicketStatus status)
    {
        var ticket = Ticket(status);
        var changes = Policy.Seal(ticket, Guid.NewGuid(), Now);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(TicketStatus.Closed, Assert.IsType<TicketStatusChanged>(Assert.Single(changes)(5)).Status);
    }

    [Fact, Trait("Spec", "MRG-1")]
    public void MRG1_a_closed_ticket_merged_in_stays_closed_without_an_event() =>
        Assert.Empty(Policy.Seal(Ticket(TicketStatus.Closed), Guid.NewGuid(), Now));

    [Fact, Trait("Spec", "MRG-1")]
    public void MRG1_after_a_rewrite_the_visible_transcript_starts_past_the_old_rows()
    {
        var ticket = Ticket(TicketStatus.Open);
        ticket.MessageCount = 10;
        Assert.Equal((1L, 10L), (Policy.FirstSequence(ticket), Policy.VisibleMessageCount(ticket)));
        ticket.FirstSequence = 7;
        Assert.Equal((7L, 4L), (Policy.FirstSequence(ticket), Policy.VisibleMessageCount(ticket)));
        Assert.Equal(4, Policy.InboxRow(Guid.NewGuid(), ticket).MessageCount);
    }

    [Fact, Trait("Spec", "TIC-2"), Trait("Spec", "TIC-4")]
    public void TIC2_an_agents_reply_is_stored_with_its_email_and_a_whisper_with_none()
    {
        var ticket = Ticket(TicketStatus.Open);
        Policy.OnCommitting(ticket, [Posted(AuthorKind.Agent, isInternal: true, 2)]);
        Assert.Empty(ticket.PendingEmails);

        Policy.OnCommitting(ticket, [Posted(AuthorKind.Agent, isInternal: false, 3)]);
        Assert.Equal((EmailKind.Reply, 3L), (Assert.Single(ticket.PendingEmails).Kind, ticket.PendingEmails[0].Version));

        var silent = new TicketPolicy(new EmailSettings());
        var unsent = Ticket(TicketStatus.Open);
        silent.OnCommitting(unsent, [Posted(AuthorKind.Agent, isInternal: false, 4)]);
        Assert.Empty(unsent.PendingEmails);
    }

    [Fact, Trait("Spec", "TIC-2")]
    public void TIC2_changes_that_call_for_email_are_refused_while_the_outbox_takes_none()
    {
        var ticket = Ticket(TicketStatus.Open);
        for (var version = 1; version <= 3; version++)
        {
            Assert.False(Policy.EmailsBackedUp(ticket));
            Policy.OnCommitting(ticket, [Posted(AuthorKind.Agent, isInternal: false, version)]);
        }

        Assert.True(Policy.EmailsBackedUp(ticket));
        Assert.Throws<UnavailableException>(() => Policy.EnsureRoomForEmails(ticket));
    }

    [Fact, Trait("Spec", "TIC-2")]
    public void TIC2_a_replys_files_must_fit_one_email() =>
        Assert.Equal(DomainErrorCode.Invalid, Assert.Throws<DomainException>(() =>
            Policy.EnsureFilesFitOneEmail([new MessageAttachment("a", "a.png", "image/png", 600), new MessageAttachment("b", "b.png", "image/png", 600)])).Code);

    [Fact, Trait("Spec", "MRG-1")]
    public void MRG1_a_visitor_requester_alone_writes_as_the_visitor_and_an_email_ticket_names_each_sender()
    {
        var visitors = Ticket(TicketStatus.Open, new TicketRequester("visitor-1", "Ann", "ann@example.com"));
        Assert.Equal(("visitor-1", "Ann"), Policy.Requester(visitors, "visitor-1", "ignored"));
        Assert.Equal(DomainErrorCode.NotFound, Assert.Throws<DomainException>(() => Policy.Requester(visitors, "visitor-2", null)).Code);

        var emails = Ticket(TicketStatus.Open, new TicketRequester(null, null, "ann@example.com"));
        Assert.Equal(("ann@example.com", "ann@example.com"), Policy.Requester(emails, null, null));
        Assert.Equal(("bob@example.com", "Bob"), Policy.Requester(emails, "bob@example.com", "Bob"));
    }

    [Fact, Trait("Spec", "VIS-1"), Trait("Spec", "MRG-1")]
    public void VIS1_an_email_requester_with_a_profile_writes_as_it_by_address_and_a_merged_ticket_still_names_other_senders()
    {
        var ticket = Ticket(TicketStatus.Open, new TicketRequester("e-1", "Ann", "ann@example.com"));
        ticket.RequesterByEmail = true;
        Assert.Equal(("e-1", "Ann"), Policy.Requester(ticket, "Ann@Example.com", "ignored"));
        Assert.Equal(("e-1", "Ann"), Policy.Requester(ticket, "e-1", null));
        Assert.Equal(("bob@example.com", "Bob"), Policy.Requester(ticket, "bob@example.com", "Bob"));

        ticket.RequesterByEmail = false;
        Assert.Equal(("e-1", "Ann"), Policy.Requester(ticket, "ann@example.com", null));
        Assert.Equal(DomainErrorCode.NotFound, Assert.Throws<DomainException>(() => Policy.Requester(ticket, "bob@example.com", "Bob")).Code);
    }

    [Fact, Trait("Spec", "BIN-2")]
    public void BIN2_a_purged_id_cannot_make_a_new_ticket()
    {
        var purged = Policy.Tombstone(Ticket(TicketStatus.Closed), Now, cleanupDue: false);
        Assert.Equal((BinState.Purged, TicketStatus.None, "p1"), (purged.Bin, purged.Status, purged.PropertyId));
        var error = Assert.Throws<DomainException>(() => TicketPolicy.Fields(purged, "p1", "Hi", new TicketRequester(null, null, "ann@example.com"), TicketPriority.Medium));
        Assert.Equal(DomainErrorCode.Irreversible, error.Code);
    }

    private static TicketState Ticket(TicketStatus status, TicketRequester? requester = null) => new()
    {
        PropertyId = "p1", Subject = "Help", Status = status, Requester = requester ?? new TicketRequester(null, "Ann", "ann@example.com"), CreatedAt = Now, UpdatedAt = Now,
    };

    private static MessagePosted Posted(AuthorKind kind, bool isInternal, long version) =>
        new("p1", Guid.NewGuid(), version, Now, new ConversationMessage(1, "c" + version, kind, "agent-1", "Agent", "Hello", isInternal, Now, null));
}
