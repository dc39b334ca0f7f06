using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Web.Conversations;

/// <summary>Assigns a chat or ticket: kind 1 agent or 2 department with its id; kind 0 without an id unassigns.</summary>
public sealed record AssignConversationRequest(AssigneeKind Kind, string? AssigneeId);
