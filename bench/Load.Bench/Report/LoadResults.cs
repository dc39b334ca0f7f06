namespace Conversations.Load.Bench.Report;

/// <param name="LoadAverages">The machine's 1/5/15-minute load averages when each part started, and at the end.</param>
public sealed record LoadResults(
    DateTimeOffset Date,
    string Command,
    bool Quick,
    MachineInfo Machine,
    IReadOnlyDictionary<string, double[]> LoadAverages,
    BenchPlan Plan,
    ReferenceResults References,
    SystemResults System,
    IReadOnlyList<TargetResult> Targets);
