using Conversations.Load.Bench.OpenLoop;

namespace Conversations.Load.Bench.Report;

/// <summary>
/// S1 at <paramref name="Chats"/> concurrent chats: from a visitor message's scheduled send time until the agent's
/// console received it (<paramref name="ToAgent"/>) and until the visitor had the acknowledgement (<paramref name="Acknowledged"/>).
/// </summary>
public sealed record ChatLatencyRun(int Chats, LatencySummary ToAgent, LatencySummary Acknowledged);
