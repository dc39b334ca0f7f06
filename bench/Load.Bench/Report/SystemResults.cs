using Conversations.Load.Bench.OpenLoop;

namespace Conversations.Load.Bench.Report;

/// <param name="SustainedSteps">S2: each offered rate of persisted visitor messages, lowest first, up to the first that failed.</param>
/// <param name="KneePerSecond">S2: the achieved rate of the last step that kept p99 within the bound.</param>
/// <param name="AtKnee">S2c: the knee's rate held once more, alone, to measure the CPU a message costs there.</param>
/// <param name="Overload">S2b: twice the knee offered, then half of it.</param>
public sealed record SystemResults(
    IReadOnlyList<ChatLatencyRun> EndToEnd,
    IReadOnlyList<LatencySummary> SustainedSteps,
    double KneePerSecond,
    IReadOnlyList<FanOutSummary> FanOut,
    LatencySummary? AtKnee = null,
    OverloadResult? Overload = null);
