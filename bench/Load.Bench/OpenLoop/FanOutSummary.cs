namespace Conversations.Load.Bench.OpenLoop;

/// <summary>
/// One event sent to <paramref name="Receivers"/> connections, repeated <paramref name="Events"/> times: the time
/// until the first and until the last receiver had it, and the delivery rate that the median time to the last means.
/// </summary>
public sealed record FanOutSummary(
    int Receivers,
    int Events,
    int Incomplete,
    double FirstP50Ms,
    double LastP50Ms,
    double LastP99Ms,
    double LastMaxMs,
    double DeliveriesPerSecond);
