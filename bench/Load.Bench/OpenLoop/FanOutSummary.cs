namespace Conversations.Load.Bench.OpenLoop;

/// <summary>
/// One event sent to <paramref name="Receivers"/> connections, repeated <paramref name="Events"/> times: the time
/// until the first and until the last receiver had it, and the delivery rate that the median time to the last means.
/// <paramref name="LastAfterAckP50Ms"/> times the last arrival from the sender's acknowledgement instead (at least
/// 1 µs: every receiver may have it before the acknowledgement is back).
/// </summary>
public sealed record FanOutSummary(
    int Receivers,
    int Events,
    int Incomplete,
    double FirstP50Ms,
    double LastP50Ms,
    double LastP99Ms,
    double LastMaxMs,
    double DeliveriesPerSecond,
    double LastAfterAckP50Ms = 0);
