namespace Conversations.Load.Bench;

/// <summary>The command line: where the system under test runs (started by bench/run-load.sh) and where results go.</summary>
public sealed record BenchOptions(
    Uri Web,
    string StorageConnectionString,
    string ClusterId,
    string ServiceId,
    string PropertyId,
    string AdminEmail,
    string AdminPassword,
    string ResultsFolder,
    bool Quick,
    string Command,
    IReadOnlyDictionary<string, int> Processes,
    SteadyLoad? Steady,
    Uri? Silo = null,
    /// <summary>S2b only, at this knee; 0: find the knee first.</summary>
    double? Overload = null)
{
    public const string Usage =
        "Conversations.Load.Bench --web URL --storage CONNECTION_STRING --cluster-id ID --property ID " +
        "--admin-email EMAIL --admin-password PASSWORD [--service-id ID] [--results FOLDER] [--quick] [--command TEXT] " +
        "[--processes name=pid,…] (the processes whose CPU time is recorded) " +
        "[--steady RATE:SECONDS] (only S2's load at one rate over the largest S1 chat count, for profiling; writes no results) " +
        "[--silo URL] (the silo's HTTP endpoint: S2 reports the message log's rows per storage request) " +
        "[--overload KNEE|find] (only S2b: twice KNEE messages/s, then half of it; with find, S2's knee search first; writes no results)";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var quick = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--quick")
            {
                quick = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'. Usage: {Usage}");
            }
        }

        string Required(string name) =>
            values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"--{name} is required. Usage: {Usage}");

        return new BenchOptions(
            new Uri(Required("web")),
            Required("storage"),
            Required("cluster-id"),
            values.GetValueOrDefault("service-id", "conversations"),
            Required("property"),
            Required("admin-email"),
            Required("admin-password"),
            values.GetValueOrDefault("results", Path.Combine("bench", "results")),
            quick,
            values.GetValueOrDefault("command", "bench/run-load.sh" + (quick ? " --quick" : "")),
            values.GetValueOrDefault("processes", "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)),
            values.TryGetValue("steady", out var steady) ? SteadyLoad.Parse(steady) : null,
            values.TryGetValue("silo", out var silo) ? new Uri(silo) : null,
            values.TryGetValue("overload", out var knee) ? (knee == "find" ? 0 : double.Parse(knee, System.Globalization.CultureInfo.InvariantCulture)) : null);
    }
}
