namespace Conversations.Web.Routing;

/// <summary>One agent's capacities (RTE-1); both null returns the agent to the property's defaults.</summary>
public sealed record AgentCapacityRequest(int? Chats, int? Tickets);
