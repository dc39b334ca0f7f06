using ScottPlot;

namespace Conversations.Load.Bench.Report;

/// <summary>load.png: S1 latency beside the echo references, the S2 steps up to the knee, S4 fan-out beside R2 broadcast, S2 knee beside R4.</summary>
public static class ChartWriter
{
    private const double LogFloorMs = 0.1;

    public static void Save(LoadResults results, string path)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(4);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(2, 2);
        EndToEnd(multiplot.GetPlot(0), results);
        Sustained(multiplot.GetPlot(1), results);
        FanOut(multiplot.GetPlot(2), results);
        Knee(multiplot.GetPlot(3), results);
        multiplot.SavePng(path, 1600, 1100);
    }

    private static void EndToEnd(Plot plot, LoadResults results)
    {
        var bars = new List<Bar>();
        var labels = new List<string>();
        var position = 0.0;
        foreach (var run in results.System.EndToEnd)
        {
            var signalR = results.References.SignalREcho.FirstOrDefault(e => e.Connections == run.Chats)?.Latency.P99Ms ?? 0;
            var socket = results.References.WebSocketEcho.FirstOrDefault(e => e.Connections == run.Chats)?.Latency.P99Ms ?? 0;
            foreach (var (label, value, color) in new[]
            {
                ($"S1 {run.Chats} chats", run.ToAgent.P99Ms, Colors.OrangeRed),
                ($"R2 echo {run.Chats}", signalR, Colors.SteelBlue),
                ($"R1 echo {run.Chats}", socket, Colors.Gray),
            })
            {
                bars.Add(new Bar { Position = position, Value = Log(value), ValueBase = Log(LogFloorMs), FillColor = color, Label = value.ToString("0.#") });
                labels.Add(label);
                position++;
            }

            position += 0.5;
        }

        var plot1 = plot.Add.Bars(bars);
        plot1.ValueLabelStyle.FontSize = 12;
        plot.Axes.Bottom.SetTicks([.. bars.Select(b => b.Position)], [.. labels]);
        plot.Add.HorizontalLine(Log(50), color: Colors.Black, pattern: LinePattern.Dashed).LegendText = "S1 target 50 ms";
        plot.Title("S1 p99 visitor → agent vs. echo references (ms)");
        plot.YLabel("p99 latency (ms, log scale)");
        LogScale(plot);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
    }

    private static void Sustained(Plot plot, LoadResults results)
    {
        var steps = results.System.SustainedSteps;
        double[] offered = [.. steps.Select(s => s.OfferedPerSecond)];
        var p99 = plot.Add.Scatter(offered, [.. steps.Select(s => Log(s.P99Ms))]);
        p99.LegendText = "p99";
        var p50 = plot.Add.Scatter(offered, [.. steps.Select(s => Log(s.P50Ms))]);
        p50.LegendText = "p50";
        LogScale(plot);
        plot.Add.HorizontalLine(Log(results.Plan.KneeP99Ms), color: Colors.Black, pattern: LinePattern.Dashed).LegendText = $"knee bound {results.Plan.KneeP99Ms} ms";
        plot.Add.VerticalLine(0.5 * results.References.TableInserts.AchievedPerSecond, color: Colors.Gray, pattern: LinePattern.Dotted).LegendText = "target: 0.5 × R4";
        plot.Title($"S2 persisted visitor messages: knee {results.System.KneePerSecond:0}/s");
        plot.XLabel("offered messages/s");
        plot.YLabel("latency until acknowledged (ms, log scale)");
        plot.ShowLegend();
    }

    private static void FanOut(Plot plot, LoadResults results)
    {
        var system = plot.Add.Scatter(
            results.System.FanOut.Select(f => (double)f.Receivers).ToArray(), results.System.FanOut.Select(f => f.LastP50Ms).ToArray());
        system.LegendText = "S4 system (median, ms)";
        var reference = plot.Add.Scatter(
            results.References.SignalRBroadcast.Select(f => (double)f.Receivers).ToArray(), results.References.SignalRBroadcast.Select(f => f.LastP50Ms).ToArray());
        reference.LegendText = "R2 SignalR broadcast (median, ms)";
        plot.Title("Time until the last connection has one event");
        plot.XLabel("connections");
        plot.YLabel("ms");
        plot.ShowLegend();
    }

    private static void Knee(Plot plot, LoadResults results)
    {
        var r4 = results.References.TableInserts.AchievedPerSecond;
        plot.Add.Bars(new List<Bar>
        {
            new() { Position = 0, Value = r4, FillColor = Colors.Gray, Label = r4.ToString("0") },
            new() { Position = 1, Value = results.System.KneePerSecond, FillColor = Colors.OrangeRed, Label = results.System.KneePerSecond.ToString("0") },
        });
        plot.Add.HorizontalLine(0.5 * r4, color: Colors.Black, pattern: LinePattern.Dashed).LegendText = "target: 0.5 × R4";
        plot.Axes.Bottom.SetTicks([0, 1], ["R4 raw table inserts/s", "S2 knee, persisted messages/s"]);
        plot.Axes.Margins(bottom: 0);
        plot.Title("S2 knee vs. raw storage inserts (per second)");
        plot.ShowLegend(Alignment.UpperRight);
    }

    private static double Log(double ms) => Math.Log10(Math.Max(ms, LogFloorMs));

    /// <summary>The left axis shows milliseconds for values plotted as <see cref="Log"/>.</summary>
    private static void LogScale(Plot plot) =>
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => Math.Pow(10, y).ToString(y < 0 ? "0.#" : "#,0", System.Globalization.CultureInfo.InvariantCulture),
        };
}
