namespace Conversations.Load.Bench.Report;

public sealed record LoadResults(
    DateTimeOffset Date,
    string Command,
    bool Quick,
    MachineInfo Machine,
    IReadOnlyList<PartUsage> Parts,
    BenchPlan Plan,
    ReferenceResults References,
    SystemResults System,
    IReadOnlyList<TargetResult> Targets);
