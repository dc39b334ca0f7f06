using Conversations.Load.Bench.OpenLoop;

namespace Conversations.Load.Bench.Report;

/// <param name="SustainedSteps">S2: each offered rate of persisted visitor messages, lowest first, up to the first that failed.</param>
/// <param name="KneePerSecond">S2: the achieved rate of the last step that kept p99 within the bound.</param>
public sealed record SystemResults(
    IReadOnlyList<ChatLatencyRun> EndToEnd,
    IReadOnlyList<LatencySummary> SustainedSteps,
    double KneePerSecond,
    IReadOnlyList<FanOutSummary> FanOut);
