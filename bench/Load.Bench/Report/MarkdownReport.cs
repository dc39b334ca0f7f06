using System.Globalization;
using System.Text;
using Conversations.Load.Bench.OpenLoop;
using Conversations.Load.Bench.Scenarios;

namespace Conversations.Load.Bench.Report;

/// <summary>load.md: the targets, each system figure beside its reference with the ratio, and what every figure includes.</summary>
public static class MarkdownReport
{
    public static string Write(LoadResults results, string chartFile)
    {
        var r = results.References;
        var s = results.System;
        var md = new StringBuilder();
        md.AppendLine("# Load benchmark (issue 10)").AppendLine();
        md.AppendLine($"Run {results.Date:yyyy-MM-dd HH:mm} UTC with `{results.Command}`{(results.Quick ? " (**quick smoke run: short and small, the figures mean little**)" : "")}.");
        md.AppendLine($"Machine: {results.Machine.Cpu}, {results.Machine.Cores} cores, {results.Machine.MemoryGiB} GiB, {results.Machine.Os}, {results.Machine.Runtime}.");
        md.AppendLine("Everything ran on this one machine: Azurite, one silo process, one web process and the bench process (load generator, ");
        md.AppendLine("the reference servers of R1/R2 and the Orleans client of R3) share its cores, so the generator takes CPU from the system it measures.");
        md.AppendLine("Azurite keeps its data in memory (`--inMemoryPersistence`) for R4 and the system alike: on disk it rewrites its whole table");
        md.AppendLine("database every 5 s, a cost that grows with the data written during the run and that Azure Table storage does not have.");
        md.AppendLine("Other work may have shared the cores too; the load averages below show how busy the machine was");
        md.AppendLine("(a load of 2 means both cores fully used). Treat the figures as this machine on this day, not as capacity of the design.").AppendLine();
        var busiest = results.Parts.MaxBy(p => p.LoadAverageAtStart.FirstOrDefault());
        if (busiest?.LoadAverageAtStart is [var peak, ..] && peak > results.Machine.Cores)
        {
            md.AppendLine($"The machine was oversubscribed: a 1-minute load average of up to {peak:0.#} on {results.Machine.Cores} cores (at \"{busiest.Part}\"), ");
            md.AppendLine("so the processes measured here got only part of the CPU; latencies and the knee are pessimistic for this hardware.").AppendLine();
        }

        var names = results.Parts.SelectMany(p => p.CpuSeconds.Keys).Distinct().ToList();
        md.AppendLine("CPU seconds used by the benchmark's own processes in each part, and the share of the machine's cores they had together:").AppendLine();
        md.AppendLine($"| part | seconds | load average at start (1 / 5 / 15 min) | {string.Join(" | ", names.Select(n => $"CPU s {n}"))} | share of {results.Machine.Cores} cores |");
        md.AppendLine($"| --- | --- | --- | {string.Join(" | ", names.Select(_ => "---"))} | --- |");
        foreach (var part in results.Parts)
        {
            var share = part.WallSeconds > 0 ? part.CpuSeconds.Values.Sum() / (part.WallSeconds * results.Machine.Cores) : 0;
            md.AppendLine($"| {part.Part} | {N(part.WallSeconds)} | {string.Join(" / ", part.LoadAverageAtStart.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))} | " +
                          $"{string.Join(" | ", names.Select(n => N(part.CpuSeconds.GetValueOrDefault(n))))} | {share:P0} |");
        }

        md.AppendLine().AppendLine("## Targets").AppendLine();
        md.AppendLine("| id | target | measured | required | result |").AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var t in results.Targets)
        {
            md.AppendLine($"| {t.Id} | {t.Target} | {N(t.Measured)} {t.Unit} | {t.Bound} {N(t.Required)} {t.Unit} | {(t.Met ? "met" : "**NOT met**")} |");
        }

        md.AppendLine().AppendLine("## System figures against their references").AppendLine();
        md.AppendLine("Latency ratios are system ÷ reference (how many times slower); rate ratios are system ÷ reference (the share of the reference reached).").AppendLine();
        md.AppendLine("| figure | system | reference | ratio |").AppendLine("| --- | --- | --- | --- |");
        foreach (var run in s.EndToEnd)
        {
            var signalR = r.SignalREcho.FirstOrDefault(e => e.Connections == run.Chats)?.Latency;
            var socket = r.WebSocketEcho.FirstOrDefault(e => e.Connections == run.Chats)?.Latency;
            foreach (var (label, pick) in new (string, Func<LatencySummary, double>)[] { ("p50", l => l.P50Ms), ("p99", l => l.P99Ms) })
            {
                if (signalR is not null)
                {
                    md.AppendLine($"| S1 {label} visitor → agent, {run.Chats} chats | {N(pick(run.ToAgent))} ms | R2 SignalR echo {label}, {run.Chats} connections: {N(pick(signalR))} ms | {Ratio(pick(run.ToAgent), pick(signalR))} |");
                }

                if (socket is not null)
                {
                    md.AppendLine($"| S1 {label} visitor → agent, {run.Chats} chats | {N(pick(run.ToAgent))} ms | R1 WebSocket echo {label}, {run.Chats} connections: {N(pick(socket))} ms | {Ratio(pick(run.ToAgent), pick(socket))} |");
                }
            }

            md.AppendLine($"| S1 p99 visitor acknowledged (stored), {run.Chats} chats | {N(run.Acknowledged.P99Ms)} ms | R3 Orleans ping p99: {N(r.OrleansPing.P99Ms)} ms | {Ratio(run.Acknowledged.P99Ms, r.OrleansPing.P99Ms)} |");
        }

        md.AppendLine($"| S2 knee, persisted visitor messages/s | {N(s.KneePerSecond)}/s | R4 raw table inserts: {N(r.TableInserts.AchievedPerSecond)}/s | {Ratio(s.KneePerSecond, r.TableInserts.AchievedPerSecond)} |");
        foreach (var fanOut in s.FanOut)
        {
            var reference = r.SignalRBroadcast.FirstOrDefault(b => b.Receivers == fanOut.Receivers);
            if (reference is not null)
            {
                md.AppendLine($"| S4 median time until the last of {fanOut.Receivers} consoles has the event | {N(fanOut.LastP50Ms)} ms ({N(fanOut.DeliveriesPerSecond)} deliveries/s) | R2 broadcast to {fanOut.Receivers}: {N(reference.LastP50Ms)} ms ({N(reference.DeliveriesPerSecond)} deliveries/s) | {Ratio(fanOut.DeliveriesPerSecond, reference.DeliveriesPerSecond)} of the rate |");
            }
        }

        md.AppendLine().AppendLine("## S1: end-to-end latency").AppendLine();
        md.AppendLine($"Each chat's visitor sends one message every {results.Plan.ChatInterval.TotalSeconds:0} s from a random phase (open loop), after a {results.Plan.Warmup.TotalSeconds:0} s warm-up, for {results.Plan.LatencyDuration.TotalSeconds:0} s.").AppendLine();
        md.AppendLine("| chats | offered | messages | failed | to agent p50 / p90 / p99 / max (ms) | acknowledged p50 / p99 (ms) |").AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var run in s.EndToEnd)
        {
            var a = run.ToAgent;
            md.AppendLine($"| {run.Chats} | {N(a.OfferedPerSecond)}/s | {a.Count} | {a.Failed} | {N(a.P50Ms)} / {N(a.P90Ms)} / {N(a.P99Ms)} / {N(a.MaxMs)} | {N(run.Acknowledged.P50Ms)} / {N(run.Acknowledged.P99Ms)} |");
        }

        md.AppendLine().AppendLine("## S2: sustained persisted messages").AppendLine();
        md.AppendLine($"Offered rates step up ×{results.Plan.SustainedRateFactor} every {results.Plan.SustainedStep.TotalSeconds:0} s over the S1 chats (each rate offered {results.Plan.SustainedLeadIn.TotalSeconds:0} s before its step is measured) until a step has p99 > {results.Plan.KneeP99Ms} ms, " +
                      $"more than {KneeFinder.MaxFailedShare:P1} failures or completes less than {KneeFinder.MinAchievedShare:P0} of the offered rate.").AppendLine();
        md.AppendLine("| offered/s | achieved/s | ok | failed | p50 (ms) | p99 (ms) | max (ms) | step |").AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var step in s.SustainedSteps)
        {
            md.AppendLine($"| {N(step.OfferedPerSecond)} | {N(step.AchievedPerSecond)} | {step.Count} | {step.Failed} | {N(step.P50Ms)} | {N(step.P99Ms)} | {N(step.MaxMs)} | {(KneeFinder.Passes(step, results.Plan.KneeP99Ms) ? "passed" : "failed")} |");
        }

        md.AppendLine().AppendLine(s.KneePerSecond > 0
            ? $"Knee: **{N(s.KneePerSecond)} persisted messages/s**."
            : $"Knee: **below {N(results.Plan.FirstSustainedRate)} persisted messages/s** (the first step already failed; counted as 0).").AppendLine();
        var sustained = results.Parts.FirstOrDefault(p => p.Part.StartsWith("S2", StringComparison.Ordinal));
        var messages = s.SustainedSteps.Sum(step => step.Count + step.Failed);
        var serverCpu = sustained?.CpuSeconds.Where(c => c.Key != "bench").Sum(c => c.Value) ?? 0;
        if (messages > 0 && serverCpu > 0)
        {
            var perMessageMs = serverCpu * 1000 / messages;
            md.AppendLine($"Cost: Azurite, the silo and the web node used {N(serverCpu)} CPU seconds for the {messages} messages of S2 " +
                          $"(pauses between steps included): about **{N(perMessageMs)} ms of CPU per persisted message**, so {results.Machine.Cores} cores given " +
                          $"to them alone would carry at most about {N(results.Machine.Cores * 1000 / perMessageMs)} messages/s. This figure depends less on what else the machine ran than the knee does; " +
                          "it includes the processes' idle work (the silo's stream polling alone is ~7 % of a core), so at low rates it overstates the cost of a message.").AppendLine();
        }
        md.AppendLine("## S4: fan-out").AppendLine();
        md.AppendLine("| consoles | events | incomplete | first p50 (ms) | last p50 / p99 / max (ms) | last after the sender's ack p50 (ms) | deliveries/s | R2 broadcast last p50 (ms) |").AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var f in s.FanOut)
        {
            var reference = r.SignalRBroadcast.FirstOrDefault(b => b.Receivers == f.Receivers);
            md.AppendLine($"| {f.Receivers} | {f.Events} | {f.Incomplete} | {N(f.FirstP50Ms)} | {N(f.LastP50Ms)} / {N(f.LastP99Ms)} / {N(f.LastMaxMs)} | {N(f.LastAfterAckP50Ms)} | {N(f.DeliveriesPerSecond)} | {(reference is null ? "—" : N(reference.LastP50Ms))} |");
        }

        if (s.AtKnee is { } atKnee)
        {
            md.AppendLine().AppendLine("## S2c: the knee's rate held alone").AppendLine();
            md.AppendLine($"{N(atKnee.OfferedPerSecond)}/s for {atKnee.Count + atKnee.Failed} messages: p50 {N(atKnee.P50Ms)} ms, p99 {N(atKnee.P99Ms)} ms, {atKnee.Failed} failed. " +
                $"CPU per message (Azurite + silo + web): **{N(Targets.CpuPerMessageMs(results.Parts, atKnee) ?? 0)} ms**; " +
                $"R4's CPU per raw insert (Azurite + its client): {N(Targets.CpuPerInsertMs(results.Parts, r.TableInserts) ?? 0)} ms.");
        }

        if (s.Overload is { } o)
        {
            md.AppendLine().AppendLine("## S2b: overload").AppendLine();
            md.AppendLine($"Offered {N(o.OfferedPerSecond)}/s (twice the knee) for {N(o.Seconds)} s, then half the knee. Stored after the first seconds: " +
                $"**{N(o.GoodputPerSecond)}/s** ({o.GoodputShareOfKnee:0.00} × knee); refused as unavailable (retriable): {o.Refused}, p99 {N(o.RefusalP99Ms)} ms to refuse; " +
                $"failed otherwise: {o.Failed}; every second's p99 ≤ {BenchPlan.RecoveryP99Ms} ms again {(o.RecoverySeconds is { } rs ? $"{N(rs)} s after the drop" : "not within the run")}; " +
                $"half the knee had p99 {N(o.BaselineP99Ms)} ms before the overload, and the messages from then on had a p99 within {OverloadScenario.BaselineFactor} × that " +
                $"{(o.BaselineRecoverySeconds is { } bs ? $"{N(bs)} s after the drop" : "not within the run")}; " +
                $"acknowledged but not stored: **{o.AcknowledgedLost}**.");
        }

        md.AppendLine().AppendLine("## References").AppendLine();
        md.AppendLine("| reference | load | p50 (ms) | p99 (ms) | max (ms) | achieved/s | failed |").AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var run in r.WebSocketEcho)
        {
            Row(md, "R1 WebSocket echo", $"{run.Connections} connections, open loop", run.Latency);
        }

        Row(md, "R1 WebSocket echo capacity", $"{results.Plan.CapacityConcurrency} in flight, closed loop", r.WebSocketEchoCapacity);
        foreach (var run in r.SignalREcho)
        {
            Row(md, "R2 SignalR echo", $"{run.Connections} connections, open loop", run.Latency);
        }

        Row(md, "R2 SignalR echo capacity", $"{results.Plan.CapacityConcurrency} in flight, closed loop", r.SignalREchoCapacity);
        Row(md, "R3 Orleans ping", $"{N(r.OrleansPing.OfferedPerSecond)}/s, open loop", r.OrleansPing);
        Row(md, "R3 Orleans ping capacity", $"{results.Plan.CapacityConcurrency} in flight, closed loop", r.OrleansPingCapacity);
        Row(md, "R4 Azurite table inserts", $"{results.Plan.InsertConcurrency} in flight, closed loop", r.TableInserts);
        foreach (var b in r.SignalRBroadcast)
        {
            md.AppendLine($"| R2 SignalR broadcast | to {b.Receivers} connections, {b.Events} events | last {N(b.LastP50Ms)} | last {N(b.LastP99Ms)} | {N(b.LastMaxMs)} | {N(b.DeliveriesPerSecond)} deliveries/s | {b.Incomplete} incomplete |");
        }

        md.AppendLine().AppendLine("## What each figure includes").AppendLine();
        md.AppendLine("""
            - Open loop: every operation has a scheduled start fixed before the run; its latency counts from that time,
              so a stalled server (or a generator that fell behind) shows up in the percentiles instead of slowing the
              arrivals down. Capacity figures (R1–R3 "capacity", R4) are closed loop: a fixed number in flight, the next
              sent when one answers; they measure the most a target does, not latency under a given load.
            - R1: a WebSocket frame of ~100 characters to a bare Kestrel endpoint in the bench process and back. No
              SignalR, no authentication, no other process.
            - R2 echo: a SignalR hub method returning its argument (JSON protocol over WebSockets), in the bench process.
              R2 broadcast: one hub call that sends a ~140-character string to a group; timed from the call until the
              last group member received it.
            - R3: an Orleans client call through the silo's gateway to a grain that only returns its argument
              (`Grains/Diagnostics/PingGrain`): serialization, the loopback TCP hop and the scheduler, no storage.
            - R4: `TableClient.AddEntityAsync` of a message-like row into a fresh table of the same Azurite.
            - S1: the widget's path, with the real protocol (docs/message-path.md names its hops): visitor session token,
              `SendMessage` on the visitor hub of the web process, the chat grain in the silo inserting the message row
              into the message log (batched with other chats' rows of its partition) before it publishes
              `MessagePosted` on the memory stream (polled every 5 ms), the web node's relay to the `property:` SignalR
              group, and the console's agent hub connection (signed in by cookie) receiving it. "Acknowledged" is the
              visitor's answer, sent after the row is stored; the chat's state is written later (the rows carry it).
            - S2: the same `SendMessage` calls spread over the S1 chats; a message counts when its acknowledgement
              arrives (stored). One console still watches the property, so every message is also delivered to it.
              A message waits for one row insert, shared with the rows of other chats in its partition when they
              arrive together ("rows each" in the S2 log lines); deferred state writes and inbox checkpoints follow.
              R4 (one insert per operation, nothing delivered) is the reference the CPU target compares with.
            - S4: one visitor message at a time; from the `SendMessage` call until the last of N agent consoles
              (all joined to the property) received it, so it includes storing the message (the S1 path), not only
              the fan-out; "after the sender's ack" times the same arrival from the visitor's acknowledgement.
            - S2b: twice the knee offered, then half of it. Goodput counts messages by the second their
              acknowledgement came back, so a generator or server that falls behind does not inflate it. The web node sends once to the SignalR group; SignalR writes to each connection.
            - Deliveries/s = consoles ÷ median time until the last one has the event.
            """);
        md.AppendLine().AppendLine($"![load benchmark chart]({chartFile})").AppendLine();
        md.AppendLine("All figures, the plan and the machine are in `load.json` next to this file; `load-notes.md` explains the committed run (written by hand).");
        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, string load, LatencySummary l) =>
        md.AppendLine($"| {name} | {load} | {N(l.P50Ms)} | {N(l.P99Ms)} | {N(l.MaxMs)} | {N(l.AchievedPerSecond)} | {l.Failed} |");

    private static string Ratio(double system, double reference) =>
        reference > 0 ? (system / reference).ToString(system / reference >= 10 ? "0" : "0.00", CultureInfo.InvariantCulture) + "×" : "—";

    private static string N(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "#,0" : "0.##", CultureInfo.InvariantCulture);
}
