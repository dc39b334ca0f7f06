namespace Conversations.Load.Bench.Report;

public sealed record TargetResult(string Id, string Target, double Measured, double Required, string Unit, bool Met);
