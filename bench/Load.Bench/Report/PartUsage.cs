namespace Conversations.Load.Bench.Report;

/// <summary>
/// One part of the run (R1 … S4): its wall time, the machine's 1/5/15-minute load average when it started, and
/// the CPU seconds each process of the benchmark (Azurite, silo, web node, the bench itself) used during it.
/// </summary>
public sealed record PartUsage(string Part, double WallSeconds, double[] LoadAverageAtStart, IReadOnlyDictionary<string, double> CpuSeconds);
