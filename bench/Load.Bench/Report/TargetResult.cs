namespace Conversations.Load.Bench.Report;

/// <summary>One target judged: <paramref name="Bound"/> says whether the measured figure must stay at most ("≤") or reach at least ("≥") the required one.</summary>
public sealed record TargetResult(string Id, string Target, double Measured, double Required, string Unit, bool Met, string Bound = "≥");
