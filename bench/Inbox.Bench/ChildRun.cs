using System.Diagnostics;
using System.Text.Json;

namespace Conversations.Inbox.Bench;

/// <summary>
/// Each mode and size runs in a process of its own, so one run's heap, JIT state and thread pool (the silo grows it) never
/// shape the next; silo runs use the server garbage collector, as the product's silo does (its web SDK's default).
/// The child prints its figures as the last line of its output.
/// </summary>
public static class ChildRun
{
    public const string Flag = "--child";

    public static async Task<SizeResult> RunAsync(string mode, int size)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
        }

        foreach (var arg in new[] { Flag, mode, size.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = mode == "silo" ? "1" : "0";
        using var child = Process.Start(start)!;
        string? last = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (last is not null)
            {
                Console.WriteLine(last);
            }

            last = line;
        }

        await child.WaitForExitAsync();
        if (child.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"The {mode} run of {size} failed (exit code {child.ExitCode}).");
        }

        return JsonSerializer.Deserialize<SizeResult>(last)!;
    }

    /// <summary>The child's side: one run, its figures as one JSON line.</summary>
    public static async Task<int> MainAsync(string mode, int size)
    {
        var result = mode == "silo" ? await SiloRun.RunAsync(size) : IndexRun.Run(size);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }
}
