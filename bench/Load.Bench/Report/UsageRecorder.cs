using System.Diagnostics;

namespace Conversations.Load.Bench.Report;

/// <summary>
/// Splits the run into parts and records, per part, the CPU time of the benchmark's own processes (read from
/// /proc: user + system time in clock ticks of 1/100 s) and the load average, to tell how much of the machine
/// they had while other work shared it.
/// </summary>
public sealed class UsageRecorder(IReadOnlyDictionary<string, int> processes)
{
    private const double TicksPerSecond = 100;
    private const double QuietCores = 0.2;
    private static readonly TimeSpan SettleWindow = TimeSpan.FromSeconds(2);

    private readonly List<PartUsage> _parts = [];
    private string? _part;
    private double[] _loadAtStart = [];
    private long _startedAt;
    private Dictionary<string, double> _cpuAtStart = [];

    public IReadOnlyList<PartUsage> Parts => _parts;

    public void Start(string part)
    {
        Finish();
        _part = part;
        _loadAtStart = MachineInfo.LoadAverage();
        _startedAt = Stopwatch.GetTimestamp();
        _cpuAtStart = CpuSeconds();
        BenchLog.Write($"{part} (load average {string.Join(" ", _loadAtStart)})");
    }

    /// <summary>
    /// Waits until the system's processes (not the bench) use less than a fifth of a core over <see cref="SettleWindow"/>,
    /// at most <paramref name="atMost"/>, so the work a part leaves behind (a backlog, storage flushes) is not measured
    /// as the next part's; logs how long that took. Ends the running part first: the wait is neither part's.
    /// </summary>
    public async Task SettleAsync(TimeSpan atMost)
    {
        Finish();
        var started = Stopwatch.GetTimestamp();
        double busy;
        do
        {
            var before = SystemCpuSeconds();
            await Task.Delay(SettleWindow);
            busy = (SystemCpuSeconds() - before) / SettleWindow.TotalSeconds;
        }
        while (busy >= QuietCores && Stopwatch.GetElapsedTime(started) < atMost);

        BenchLog.Write($"Settled in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s (system processes at {busy:F2} cores{(busy >= QuietCores ? ", still busy" : "")})");
    }

    public void Finish()
    {
        if (_part is null)
        {
            return;
        }

        var now = CpuSeconds();
        _parts.Add(new PartUsage(
            _part,
            Math.Round(Stopwatch.GetElapsedTime(_startedAt).TotalSeconds, 1),
            _loadAtStart,
            now.ToDictionary(p => p.Key, p => Math.Round(p.Value - _cpuAtStart.GetValueOrDefault(p.Key), 1))));
        _part = null;
    }

    private double SystemCpuSeconds() => processes.Values.Sum(CpuSecondsOf);

    private Dictionary<string, double> CpuSeconds()
    {
        var all = new Dictionary<string, int>(processes) { ["bench"] = Environment.ProcessId };
        return all.ToDictionary(p => p.Key, p => CpuSecondsOf(p.Value));
    }

    private static double CpuSecondsOf(int pid)
    {
        try
        {
            // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}
