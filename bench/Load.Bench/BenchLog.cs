using System.Diagnostics;
using Conversations.Load.Bench.OpenLoop;

namespace Conversations.Load.Bench;

public static class BenchLog
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Write(string line) => Console.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {line}");

    public static void Write(string name, LatencySummary s, string more = "") =>
        Write($"{name}: {s.Count} ok, {s.Failed} failed, offered {s.OfferedPerSecond}/s, achieved {s.AchievedPerSecond}/s, " +
              $"p50 {s.P50Ms} ms, p99 {s.P99Ms} ms, max {s.MaxMs} ms{more}{(s.FirstError is null ? "" : $" (first error: {s.FirstError})")}");

    public static void Write(string name, FanOutSummary s) =>
        Write($"{name} to {s.Receivers}: last p50 {s.LastP50Ms} ms, p99 {s.LastP99Ms} ms, first p50 {s.FirstP50Ms} ms, " +
              $"{s.DeliveriesPerSecond} deliveries/s, {s.Incomplete}/{s.Events} incomplete");
}
