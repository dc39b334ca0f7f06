using System.Text.Json.Serialization;

namespace Conversations.Grains.Interfaces.Realtime;

/// <summary>A chat was closed (CHAT-2); irreversible.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ChatClosed")]
public sealed record ChatClosed(string PropertyId, Guid ConversationId, long Version, DateTimeOffset At)
    : ConversationEvent(PropertyId, ConversationId, Version, At)
{
    /// <summary>The close that seals a chat merged into a ticket (MRG-1): not a resolution, since the ticket carries on. Agents' only.</summary>
    [Id(0)]
    [JsonIgnore]
    public bool ByMerge { get; init; }
}
