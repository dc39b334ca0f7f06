namespace Conversations.Load.Bench.Clients;

/// <summary>The answer of <c>POST /api/v1/widget/sessions</c>: the signed token every visitor hub call carries.</summary>
public sealed record WidgetSession(string PropertyId, string VisitorId, string VisitorToken, bool AgentsOnline);
