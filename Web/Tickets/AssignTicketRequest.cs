using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Web.Tickets;

/// <summary>Kind 1 agent or 2 department with its id; kind 0 without an id unassigns.</summary>
public sealed record AssignTicketRequest(AssigneeKind Kind, string? AssigneeId);
