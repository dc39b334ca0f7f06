using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Chats;

[GenerateSerializer, Alias("Conversations.ChatState")]
public sealed class ChatState : IConversationState
{
    [Id(0)] public string PropertyId { get; set; } = "";
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

    public bool Exists => Status != ChatStatus.None;
}
