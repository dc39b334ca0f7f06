using Conversations.Load.Bench.OpenLoop;

namespace Conversations.Load.Bench.Report;

/// <summary>Open-loop round trips over <paramref name="Connections"/> connections, each sending once per chat interval.</summary>
public sealed record EchoRun(int Connections, LatencySummary Latency);
