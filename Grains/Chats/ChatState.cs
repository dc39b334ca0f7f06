using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Chats;

[GenerateSerializer, Alias("Conversations.ChatState")]
public sealed class ChatState : IConversationState
{
    [Id(0)] public string PropertyId { get; set; } = "";
    /// <summary>Also kept by a purged tombstone until its cleanup has removed the chat from this visitor's history.</summary>
    [Id(1)] public string VisitorId { get; set; } = "";
    [Id(2)] public string VisitorName { get; set; } = "";
    [Id(3)] public ChatStatus Status { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(6)] public long MessageCount { get; set; }
    [Id(7)] public long Version { get; set; }

    /// <summary>Acknowledgements of the latest commands, so a retried command returns its first answer.</summary>
    [Id(8)] public List<RecentCommand> RecentCommands { get; set; } = [];

    [Id(9)] public BinState Bin { get; set; }
    [Id(10)] public List<string> Tags { get; set; } = [];
    [Id(11)] public ChatRating? Rating { get; set; }
    [Id(12)] public Guid? TicketId { get; set; }
    [Id(13)] public string? VisitorEmail { get; set; }

    /// <summary>The id the chat's ticket gets (CHAT-3), kept from before the ticket exists.</summary>
    [Id(14)] public Guid? PendingTicketId { get; set; }

    [Id(15)] public ConversationAssignee? Assignee { get; set; }

    [Id(16)] public bool PurgeCleanupDue { get; set; }

    /// <summary>When the visitor last wrote; the visitor's history shows it as the chat's last activity (VIS-5).</summary>
    [Id(17)] public DateTimeOffset? LastVisitorMessageAt { get; set; }

    /// <summary>The status and activity the visitor's history has taken; while they differ from the chat's, the chat owes it an update.</summary>
    [Id(18)] public ChatStatus HistoryStatus { get; set; }

    [Id(19)] public DateTimeOffset? HistoryActivityAt { get; set; }

    [Id(20)] public Guid? MergedIntoId { get; set; }

    [Id(21)] public string? SealedByMergeId { get; set; }

    public bool Exists => Status != ChatStatus.None;
}
