using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Tickets;

[GenerateSerializer, Alias("Conversations.TicketState")]
public sealed class TicketState : IConversationState
{
    [Id(0)] public string PropertyId { get; set; } = "";
    [Id(1)] public string Subject { get; set; } = "";
    [Id(2)] public TicketRequester? Requester { get; set; }
    [Id(3)] public TicketStatus Status { get; set; }
    [Id(4)] public ConversationAssignee? Assignee { get; set; }
    [Id(5)] public TicketPriority Priority { get; set; } = TicketPriority.Medium;
    [Id(6)] public List<string> Tags { get; set; } = [];
    [Id(7)] public BinState Bin { get; set; }
    [Id(8)] public long MessageCount { get; set; }
    [Id(9)] public Guid? SourceChatId { get; set; }
    [Id(10)] public DateTimeOffset CreatedAt { get; set; }
    [Id(11)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(12)] public long Version { get; set; }

    /// <summary>Acknowledgements of the latest commands, so a retried command returns its first answer.</summary>
    [Id(13)] public List<RecentCommand> RecentCommands { get; set; } = [];

    /// <summary>Emails this ticket's changes call for, stored with the change until the outbox has them (bounded by EmailSettings.MaxEmailsWaitingPerTicket, plus the two one change may add).</summary>
    [Id(14)] public List<EmailIntent> PendingEmails { get; set; } = [];

    /// <summary>The closed ticket this one follows up (TIC-5: a visitor email to a closed ticket).</summary>
    [Id(15)] public Guid? PreviousTicketId { get; set; }

    [Id(16)] public bool PurgeCleanupDue { get; set; }

    /// <summary>The latest ticket that follows this one up (TIC-5).</summary>
    [Id(17)] public Guid? FollowUpTicketId { get; set; }

    /// <summary>Every ticket that follows this one up, oldest first (TIC-5); states stored before it was kept hold only <see cref="FollowUpTicketId"/>.</summary>
    [Id(18)] public List<Guid> FollowUpTicketIds { get; set; } = [];

    [Id(19)] public Guid? MergedIntoId { get; set; }

    [Id(20)] public string? SealedByMergeId { get; set; }

    /// <summary>
    /// The first message-log sequence of the visible transcript (0 and 1: from the start). A merge or a split appends the
    /// new transcript after the old rows (the log is append-only) and moves this past them (MRG-1).
    /// </summary>
    [Id(21)] public long FirstSequence { get; set; }

    /// <summary>A merge or split begun and not yet completed: stored before any other step, completed by every activation.</summary>
    [Id(22)] public TranscriptRewrite? PendingRewrite { get; set; }

    /// <summary>Merge and split ids done (the latest <see cref="TicketRewrites.RememberedRewrites"/>), so a retry does nothing twice.</summary>
    [Id(23)] public List<string> DoneRewriteIds { get; set; } = [];

    /// <summary>Conversations merged into this ticket (at most <see cref="TicketRewrites.MaxLinks"/> kept).</summary>
    [Id(24)] public List<Guid> MergedIds { get; set; } = [];

    [Id(25)] public Guid? SplitFromId { get; set; }

    /// <summary>Tickets split out of this one (at most <see cref="TicketRewrites.MaxLinks"/> kept).</summary>
    [Id(26)] public List<Guid> SplitIds { get; set; } = [];

    /// <summary>
    /// The requester writes by email (an email ticket, or one whose visitor profile was found by the requester's address):
    /// a message as the visitor comes from the inbound mail, which names its sender (MRG-1), not from the widget.
    /// </summary>
    [Id(27)] public bool RequesterByEmail { get; set; }

    /// <summary>The requester's latest message (VIS-5: the ticket's last activity in the visitor's history).</summary>
    [Id(28)] public DateTimeOffset? LastRequesterMessageAt { get; set; }

    /// <summary>The visitor whose history (VIS-5) lists this ticket, and what it has taken, so an update that failed is owed.</summary>
    [Id(29)] public string? HistoryVisitorId { get; set; }

    [Id(30)] public TicketStatus HistoryStatus { get; set; }

    [Id(31)] public DateTimeOffset? HistoryActivityAt { get; set; }

    public bool Exists => Status != TicketStatus.None;
}
