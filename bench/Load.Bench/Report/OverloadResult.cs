namespace Conversations.Load.Bench.Report;

/// <summary>
/// S2b: offered twice the knee; what was stored per second after the queues filled, refusals and their p99, other
/// failures, seconds after the load dropped until the messages due from then on met the p99 bound (null: not within the run),
/// and acknowledged messages that storage does not hold; the p99 at half the knee before the overload, and seconds after
/// the drop until the messages due from then on had a p99 within 1.5 × that (the rate's own tail on this machine).
/// </summary>
public sealed record OverloadResult(
    double OfferedPerSecond,
    double Seconds,
    double GoodputPerSecond,
    double GoodputShareOfKnee,
    int Refused,
    double RefusalP99Ms,
    int Failed,
    double? RecoverySeconds,
    long AcknowledgedLost,
    double BaselineP99Ms = 0,
    double? BaselineRecoverySeconds = null);
