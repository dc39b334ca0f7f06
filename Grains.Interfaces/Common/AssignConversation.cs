using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Grains.Interfaces.Common;

/// <summary>Assigns an agent or a department to a chat (CHAT-1) or ticket (TIC-6); <see cref="AssigneeKind.None"/> unassigns.</summary>
[GenerateSerializer, Immutable, Alias("Conversations.AssignConversation")]
public sealed record AssignConversation(
    [property: Id(0)] string PropertyId,
    [property: Id(1)] AssigneeKind Kind,
    [property: Id(2)] string? AssigneeId);
