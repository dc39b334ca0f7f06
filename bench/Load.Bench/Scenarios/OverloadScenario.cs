using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Conversations.Load.Bench.OpenLoop;
using Conversations.Load.Bench.Report;

namespace Conversations.Load.Bench.Scenarios;

/// <summary>
/// S2b: twice the knee offered for a while, then half the knee. Counts what was stored (goodput), what was refused
/// and how fast (a refusal is "Unavailable", the retriable answer of back-pressure), what failed otherwise, how long
/// after the drop every second's p99 is back under the bound, and whether every acknowledged message is stored.
/// </summary>
public sealed class OverloadScenario(LoadCluster cluster, BenchPlan plan)
{
    /// <summary>Recovered to the rate's own tail: the p99 of the messages from then on within this factor of the p99 before the overload.</summary>
    public const double BaselineFactor = 1.5;

    public async Task<OverloadResult> RunAsync(double knee)
    {
        var outcomes = new ConcurrentBag<Outcome>();
        var acknowledged = new ConcurrentDictionary<int, long>();
        var overload = plan.OverloadDuration;
        var after = plan.RecoveryDuration;
        // Half the knee before the overload too: the p99 that rate has anyway, which "recovered" is compared with.
        var before = after / 2;
        var baseline = OpenLoopSchedule.Rate(knee / 2, before, cluster.Visitors.Count);
        var heavy = OpenLoopSchedule.Rate(2 * knee, overload, cluster.Visitors.Count)
            .Select(op => op with { At = op.At + before });
        var light = OpenLoopSchedule.Rate(knee / 2, after, cluster.Visitors.Count)
            .Select(op => op with { At = op.At + before + overload });
        var schedule = baseline.Concat(heavy).Concat(light).ToList();
        var start = Stopwatch.GetTimestamp();
        await OpenLoopRunner.RunAsync(schedule, async (op, due) =>
        {
            var visitor = cluster.Visitors[op.Client];
            var at = Stopwatch.GetElapsedTime(start, due);
            try
            {
                var ack = await visitor.SendAsync(visitor.NextCommandId(), BenchPlan.MessageText);
                acknowledged.AddOrUpdate(op.Client, ack.GetProperty("sequence").GetInt64(), (_, held) => Math.Max(held, ack.GetProperty("sequence").GetInt64()));
                outcomes.Add(new Outcome(at, Stopwatch.GetElapsedTime(due), Kind.Stored));
            }
            catch (Exception ex)
            {
                outcomes.Add(new Outcome(at, Stopwatch.GetElapsedTime(due), ex.Message.Contains("Unavailable", StringComparison.Ordinal) ? Kind.Refused : Kind.Failed));
            }
        }, plan.OperationTimeout + TimeSpan.FromSeconds(1), before + overload + after);

        var lost = await CountLostAsync(acknowledged);
        var result = Summarize([.. outcomes], knee, before, overload, after, lost);
        BenchLog.Write($"S2b overload at {2 * knee:0}/s for {overload.TotalSeconds:0} s: stored {result.GoodputPerSecond:0}/s " +
            $"({result.GoodputShareOfKnee:0.00}× knee), refused {result.Refused} (p99 {result.RefusalP99Ms:0.0} ms), failed otherwise {result.Failed}; " +
            $"after the drop to {knee / 2:0}/s, p99 ≤ {BenchPlan.RecoveryP99Ms} ms again after {Describe(result.RecoverySeconds)}, " +
            $"within {BaselineFactor} × the {result.BaselineP99Ms:0.0} ms p99 the same rate had before the overload after {Describe(result.BaselineRecoverySeconds)}; " +
            $"acknowledged but not stored: {result.AcknowledgedLost}; the {(before + overload + after).TotalSeconds:0} s schedule took {Stopwatch.GetElapsedTime(start).TotalSeconds:0} s");
        BenchLog.Write("S2b by the second each message was due (stored / refused / failed, latency of the stored in ms):" + Environment.NewLine +
            string.Join(Environment.NewLine, BySecond([.. outcomes])));
        return result;
    }

    /// <summary>One line per second of the schedule, so a slow recovery can be told apart as a queue draining or single stalls.</summary>
    private static IEnumerable<string> BySecond(List<Outcome> outcomes) =>
        outcomes.GroupBy(o => (int)o.At.TotalSeconds).OrderBy(g => g.Key).Select(second =>
        {
            var stored = second.Where(o => o.Kind == Kind.Stored).Select(o => o.Latency.TotalMilliseconds).Order().ToList();
            var latency = stored.Count == 0 ? "" :
                $"  p50 {SortedPercentile.Of(stored, 0.5),7:0.0}  p99 {SortedPercentile.Of(stored, 0.99),7:0.0}  max {stored[^1],7:0.0}";
            return $"{second.Key,4} s  {stored.Count,5} / {second.Count(o => o.Kind == Kind.Refused),5} / {second.Count(o => o.Kind == Kind.Failed),3}{latency}";
        });

    private static string Describe(double? seconds) => seconds is { } s ? $"{s:0} s" : "never within the run";

    /// <summary>Reads every chat back: its stored count must reach the highest sequence acknowledged to its visitor.</summary>
    private async Task<long> CountLostAsync(ConcurrentDictionary<int, long> acknowledged)
    {
        long lost = 0;
        await Parallel.ForEachAsync(acknowledged, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (pair, _) =>
        {
            var stored = await cluster.Visitors[pair.Key].StoredCountAsync();
            if (stored < pair.Value)
            {
                Interlocked.Add(ref lost, pair.Value - stored);
            }
        });
        return lost;
    }

    private static OverloadResult Summarize(List<Outcome> outcomes, double knee, TimeSpan before, TimeSpan overload, TimeSpan after, long lost)
    {
        // The first seconds of the overload fill the queues; goodput is what the rest of it stored per second, counted
        // by when each acknowledgement came back (counting by the scheduled time would credit work done long after).
        var settle = TimeSpan.FromSeconds(Math.Min(5, overload.TotalSeconds / 4));
        var overloadEnd = before + overload;
        var stored = outcomes.Count(o => o.Kind == Kind.Stored && o.At + o.Latency >= before + settle && o.At + o.Latency < overloadEnd);
        var goodput = stored / (overload - settle).TotalSeconds;
        var refusals = outcomes.Where(o => o.Kind == Kind.Refused && o.At >= before).Select(o => o.Latency.TotalMilliseconds).Order().ToList();
        var baselineP99 = P99(outcomes.Where(o => o.At < before && o.Kind == Kind.Stored).ToList());

        return new OverloadResult(2 * knee, overload.TotalSeconds, goodput, knee == 0 ? 0 : goodput / knee,
            refusals.Count, refusals.Count == 0 ? 0 : SortedPercentile.Of(refusals, 0.99), outcomes.Count(o => o.Kind == Kind.Failed && o.At >= before),
            RecoveredAfter(BenchPlan.RecoveryP99Ms), lost, baselineP99, RecoveredAfter(BaselineFactor * baselineP99));

        // The first second after the drop from which every later message was stored and their p99 is within the bound.
        double? RecoveredAfter(double p99Bound)
        {
            for (var second = 0; second < (int)Math.Ceiling(after.TotalSeconds); second++)
            {
                var tail = outcomes.Where(o => o.At >= overloadEnd + TimeSpan.FromSeconds(second)).ToList();
                if (tail.Count > 0 && tail.All(o => o.Kind == Kind.Stored) && P99(tail) <= p99Bound)
                {
                    return second;
                }
            }

            return null;
        }
    }

    private static double P99(List<Outcome> stored) =>
        stored.Count == 0 ? 0 : SortedPercentile.Of(stored.Select(o => o.Latency.TotalMilliseconds).Order().ToList(), 0.99);

    private enum Kind
    {
        Stored,
        Refused,
        Failed,
    }

    private readonly record struct Outcome(TimeSpan At, TimeSpan Latency, Kind Kind);
}
