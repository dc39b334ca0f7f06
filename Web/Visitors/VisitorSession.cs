namespace Conversations.Web.Visitors;

/// <param name="AgentsOnline">False when no agent is online: the widget offers the offline form (CHAT-9).</param>
public sealed record VisitorSession(string PropertyId, string VisitorId, string VisitorToken, bool Verified, bool AgentsOnline);
