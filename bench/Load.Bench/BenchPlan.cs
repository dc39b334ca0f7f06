namespace Conversations.Load.Bench;

/// <summary>Sizes, rates and durations of one run; <c>--quick</c> shrinks them for a smoke run whose figures mean little.</summary>
public sealed record BenchPlan(
    int[] ChatCounts,
    TimeSpan ChatInterval,
    TimeSpan Warmup,
    TimeSpan LatencyDuration,
    TimeSpan CapacityDuration,
    int CapacityConcurrency,
    double PingRate,
    int InsertConcurrency,
    double FirstSustainedRate,
    double SustainedRateFactor,
    double LastSustainedRate,
    TimeSpan SustainedStep,
    double KneeP99Ms,
    int[] FanOutSizes,
    int FanOutEvents,
    TimeSpan OperationTimeout,
    TimeSpan OverloadDuration,
    TimeSpan RecoveryDuration)
{
    /// <summary>
    /// S2: each rate is offered this long before its step is measured, so a step measures that rate held, not the moment
    /// the rate went up (a step's queues and the silo's tiered JIT settle in a few seconds).
    /// </summary>
    public TimeSpan SustainedLeadIn { get; init; }

    /// <summary>S2b: after the overload, every second's p99 must be back under this.</summary>
    public const double RecoveryP99Ms = 50;

    /// <summary>A text of about the length of a typical chat line.</summary>
    public const string MessageText = "Hello, I would like to know whether the order I placed yesterday can still be changed before it ships.";

    public static BenchPlan For(bool quick) => quick
        ? new BenchPlan(
            ChatCounts: [50, 200],
            ChatInterval: TimeSpan.FromSeconds(10),
            Warmup: TimeSpan.FromSeconds(2),
            LatencyDuration: TimeSpan.FromSeconds(8),
            CapacityDuration: TimeSpan.FromSeconds(2),
            CapacityConcurrency: 32,
            PingRate: 500,
            InsertConcurrency: 32,
            FirstSustainedRate: 25,
            SustainedRateFactor: 2,
            LastSustainedRate: 400,
            SustainedStep: TimeSpan.FromSeconds(4),
            KneeP99Ms: 250,
            FanOutSizes: [10, 50],
            FanOutEvents: 8,
            OperationTimeout: TimeSpan.FromSeconds(30),
            OverloadDuration: TimeSpan.FromSeconds(15),
            RecoveryDuration: TimeSpan.FromSeconds(15)) { SustainedLeadIn = TimeSpan.FromSeconds(1) }
        : new BenchPlan(
            ChatCounts: [100, 1000, 5000],
            ChatInterval: TimeSpan.FromSeconds(10),
            Warmup: TimeSpan.FromSeconds(10),
            LatencyDuration: TimeSpan.FromSeconds(40),
            CapacityDuration: TimeSpan.FromSeconds(5),
            CapacityConcurrency: 64,
            PingRate: 1000,
            InsertConcurrency: 32,
            FirstSustainedRate: 25,
            SustainedRateFactor: 1.5,
            LastSustainedRate: 2000,
            SustainedStep: TimeSpan.FromSeconds(15),
            KneeP99Ms: 250,
            FanOutSizes: [10, 100, 1000],
            FanOutEvents: 30,
            OperationTimeout: TimeSpan.FromSeconds(30),
            OverloadDuration: TimeSpan.FromSeconds(60),
            RecoveryDuration: TimeSpan.FromSeconds(30)) { SustainedLeadIn = TimeSpan.FromSeconds(5) };
}
