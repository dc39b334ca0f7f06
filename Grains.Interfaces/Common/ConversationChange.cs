namespace Conversations.Grains.Interfaces.Common;

/// <summary>What a command shared by chats and tickets (assignee, tags, trash, spam, restore) left behind.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.ConversationChange")]
public sealed record ConversationChange(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long Version,
    [property: Id(2)] BinState Bin,
    [property: Id(3)] IReadOnlyList<string> Tags,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] ConversationAssignee? Assignee,
    [property: Id(6)] bool Closed);
