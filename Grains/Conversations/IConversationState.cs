using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Conversations;

/// <summary>The part of a chat's or ticket's state that <see cref="ConversationCore{TState}"/> works on.</summary>
public interface IConversationState
{
    /// <summary>False before the conversation is created, and for a purged tombstone.</summary>
    bool Exists { get; }

    string PropertyId { get; set; }
    long MessageCount { get; set; }
    long Version { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    BinState Bin { get; set; }
    List<string> Tags { get; set; }
    ConversationAssignee? Assignee { get; set; }
    List<RecentCommand> RecentCommands { get; set; }

    /// <summary>Set on a purged tombstone until everything else kept of the conversation is removed (BIN-2).</summary>
    bool PurgeCleanupDue { get; set; }

    /// <summary>The ticket this conversation was merged into (MRG-1); it is read-only since.</summary>
    Guid? MergedIntoId { get; set; }

    /// <summary>The merge that sealed this conversation, so a retried seal answers the same.</summary>
    string? SealedByMergeId { get; set; }
}
