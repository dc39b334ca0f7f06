using Conversations.Grains.Interfaces.Chats;

namespace Conversations.Grains.Chats;

[GenerateSerializer, Alias("Conversations.ChatState")]
public sealed class ChatState
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
}
