namespace Conversations.Web.Visitors;

public sealed record VisitorSession(string PropertyId, string VisitorId, string VisitorToken, bool Verified);
