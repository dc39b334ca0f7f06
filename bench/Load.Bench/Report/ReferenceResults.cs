using Conversations.Load.Bench.OpenLoop;

namespace Conversations.Load.Bench.Report;

public sealed record ReferenceResults(
    IReadOnlyList<EchoRun> WebSocketEcho,
    LatencySummary WebSocketEchoCapacity,
    IReadOnlyList<EchoRun> SignalREcho,
    LatencySummary SignalREchoCapacity,
    IReadOnlyList<FanOutSummary> SignalRBroadcast,
    LatencySummary OrleansPing,
    LatencySummary OrleansPingCapacity,
    LatencySummary TableInserts);
