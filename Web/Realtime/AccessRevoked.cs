namespace Conversations.Web.Realtime;

/// <summary>Sent to an agent's console connection as "accessRevoked" when the agent was removed from the property.</summary>
public sealed record AccessRevoked(string PropertyId);
