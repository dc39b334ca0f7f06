using Conversations.Grains.Conversations;
using Conversations.Grains.Email;
using Conversations.Grains.Inbox;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Tickets;

/// <summary>
/// A ticket's rules: open ⇄ pending → closed, closing irreversibly (TIC-5); an open or pending ticket takes messages unless
/// its transcript is being rewritten (MRG-1); the requester's message reopens a pending ticket; the emails its changes call
/// for are stored with them (TIC-2, TIC-6); its state is written with every message (a reply may carry a status change).
/// </summary>
public sealed class TicketPolicy(EmailSettings email) : IConversationPolicy<TicketState>
{
    public const int MaxSubjectLength = 200;

    private static readonly StatusTransitions<TicketStatus> Transitions = new(
        "ticket",
        TicketStatus.Closed,
        to => $"This ticket is closed, and closing is irreversible: it cannot be set to {to}.",
        (TicketStatus.Open, TicketStatus.Pending),
        (TicketStatus.Pending, TicketStatus.Open),
        (TicketStatus.Open, TicketStatus.Closed),
        (TicketStatus.Pending, TicketStatus.Closed));

    public string Noun => "The ticket";

    public ConversationKind Kind => ConversationKind.Ticket;

    public bool RowsCommitMessages => false;

    /// <summary>True when the status changes, false when it is already <paramref name="to"/>; throws when refused (TIC-5).</summary>
    public static bool ChangesStatus(TicketStatus from, TicketStatus to) => Transitions.Check(from, to);

    /// <summary>TIC-5: the requester's answer to a pending ticket sets it back to Open.</summary>
    public static bool ReopensOnRequesterMessage(TicketState ticket) =>
        ticket.Status == TicketStatus.Pending && ChangesStatus(ticket.Status, TicketStatus.Open);

    public bool Listed(TicketState ticket) => true;

    public long FirstSequence(TicketState ticket) => Math.Max(1, ticket.FirstSequence);

    /// <summary>How many messages the visible transcript holds (a merge or split starts it later in the log, MRG-1).</summary>
    public long VisibleMessageCount(TicketState ticket) => Math.Max(0, ticket.MessageCount - FirstSequence(ticket) + 1);

    public bool Closed(TicketState ticket) => ticket.Status == TicketStatus.Closed;

    public void EnsureAcceptsMessages(TicketState ticket)
    {
        EnsureNoRewritePending(ticket);
        if (ticket.Status == TicketStatus.Closed)
        {
            throw DomainException.Conflict("This ticket is closed and takes no more messages; a new message opens a new ticket.");
        }
    }

    /// <summary>While a merge or split is under way its rows are being written after the last one: nothing else may take them.</summary>
    public static void EnsureNoRewritePending(TicketState ticket)
    {
        if (ticket.PendingRewrite is not null)
        {
            throw new UnavailableException("A merge or split of this ticket is being completed; retry shortly.");
        }
    }

    /// <summary>A survivor with a merge or split of its own under way cannot be merged itself until it is done.</summary>
    public void EnsureMergeable(TicketState ticket) => EnsureNoRewritePending(ticket);

    /// <summary>MRG-1: a merged ticket is closed (closing is irreversible: a closed one merged in stays closed, and nothing reopens).</summary>
    public IReadOnlyList<Func<long, ConversationEvent>> Seal(TicketState ticket, Guid id, DateTimeOffset now)
    {
        if (ticket.Status == TicketStatus.Closed)
        {
            return [];
        }

        ticket.Status = TicketStatus.Closed;
        return [v => new TicketStatusChanged(ticket.PropertyId, id, v, now, TicketStatus.Closed) { ByMerge = true }];
    }

    /// <summary>While its cleanup is due, a purged ticket keeps the visitor whose history lists it: the cleanup removes it there (BIN-2).</summary>
    public TicketState Tombstone(TicketState ticket, DateTimeOffset now, bool cleanupDue)
    {
        var tombstone = ConversationTombstone.Of(ticket, now, cleanupDue);
        tombstone.HistoryVisitorId = cleanupDue ? ticket.HistoryVisitorId : null;
        return tombstone;
    }

    public InboxRow InboxRow(Guid id, TicketState ticket) => InboxRows.Of(id, ticket, VisibleMessageCount(ticket));

    /// <summary>VIS-5: the requester's latest message is the ticket's last activity in the visitor's history.</summary>
    public void OnMessageApplied(TicketState ticket, ConversationMessage message)
    {
        if (message.AuthorKind == AuthorKind.Visitor && !message.IsInternal)
        {
            ticket.LastRequesterMessageAt = message.At;
        }
    }

    /// <summary>The emails are stored with the change that calls for them, so none is lost between the write and the outbox.</summary>
    public void OnCommitting(TicketState ticket, IReadOnlyList<ConversationEvent> events)
    {
        if (email.SendsMail && ticket.Requester is { } requester)
        {
            ticket.PendingEmails.AddRange(TicketEmails.For(ticket.Subject, requester, ticket.Assignee, events));
        }
    }

    /// <summary>
    /// Who a message posted as the visitor is from. The requester named by their visitor id or address writes as themselves.
    /// A widget visitor's ticket takes no one else; an email ticket may hold several requesters' threads after a merge (MRG-1),
    /// and the inbound mail names the sender.
    /// </summary>
    public (string Id, string Name) Requester(TicketState ticket, string? authorId, string? authorName)
    {
        var requester = ticket.Requester!;
        var isRequester = requester.VisitorId is { } visitorId
            ? authorId == visitorId || string.Equals(authorId, requester.Email, StringComparison.OrdinalIgnoreCase)
            : string.IsNullOrWhiteSpace(authorId) || string.Equals(authorId, requester.Email, StringComparison.OrdinalIgnoreCase);
        if (isRequester)
        {
            return (requester.VisitorId ?? requester.Email, requester.Name ?? requester.Email);
        }

        if (requester.VisitorId is not null && !ticket.RequesterByEmail)
        {
            throw DomainException.NotFound(Noun);
        }

        return string.IsNullOrWhiteSpace(authorId)
            ? (requester.VisitorId ?? requester.Email, requester.Name ?? requester.Email)
            : (authorId, string.IsNullOrWhiteSpace(authorName) ? authorId : authorName);
    }

    /// <summary>
    /// Back-pressure instead of loss: while <see cref="EmailSettings.MaxEmailsWaitingPerTicket"/> emails wait for an outbox that
    /// does not take them, a change that may call for more is refused before anything is stored (a change adds at most two).
    /// </summary>
    public bool EmailsBackedUp(TicketState ticket) => ticket.PendingEmails.Count >= email.MaxEmailsWaitingPerTicket;

    public void EnsureRoomForEmails(TicketState ticket)
    {
        if (EmailsBackedUp(ticket))
        {
            throw new UnavailableException(
                $"This ticket has {ticket.PendingEmails.Count} emails waiting for its outbox, which takes no more for now; retry with the same command id shortly.");
        }
    }

    /// <summary>A reply's files go to the requester in one email, so together they fit its limit; refused with the sizes otherwise.</summary>
    public void EnsureFilesFitOneEmail(IReadOnlyList<MessageAttachment>? files)
    {
        var total = files?.Sum(f => f.Size) ?? 0;
        if (total > email.MaxEmailAttachmentBytes)
        {
            throw DomainException.Invalid(
                $"A reply's files are emailed to the requester, at most {EmailTemplates.Size(email.MaxEmailAttachmentBytes)} together; " +
                $"these come to {EmailTemplates.Size(total)}. Send some of them in another reply.");
        }
    }

    public static void EnsurePriority(TicketPriority priority)
    {
        if (!Enum.IsDefined(priority))
        {
            throw DomainException.Invalid("A priority is Lowest (1), Low (2), Medium (3), High (4) or Highest (5).");
        }
    }

    /// <summary>A new ticket's fields, checked; a purged id is refused for ever (BIN-2).</summary>
    public static TicketFields Fields(TicketState ticket, string propertyId, string subject, TicketRequester? requester, TicketPriority priority)
    {
        TextRules.Id(propertyId, "A property id");
        if (ticket.Bin == BinState.Purged)
        {
            throw DomainException.Irreversible("This ticket was purged, and purging is irreversible: its id cannot be used again.");
        }

        if (requester is null)
        {
            throw DomainException.Invalid("A ticket needs a requester with an email address.");
        }

        EnsurePriority(priority);
        var cleanRequester = new TicketRequester(
            requester.VisitorId is null ? null : TextRules.Id(requester.VisitorId, "A visitor id"),
            TextRules.Optional(requester.Name, TextRules.MaxNameLength, "A requester name"),
            TextRules.Email(requester.Email));
        return new TicketFields(propertyId, TextRules.Required(subject, MaxSubjectLength, "A subject"), cleanRequester, priority);
    }
}
