using System.Diagnostics;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// Silos in network namespaces of their own, joined by veth links to a bridge in the test's namespace whose address
/// Azurite and the web nodes use. nftables inside a silo's namespace cuts it off from the other silos or drops a share
/// of their packets (this kernel has no netem, so "latency" is loss plus a rate limit that drops what exceeds it).
/// Everything is named with a random prefix and removed on dispose; traffic stays inside the namespaces made here.
/// </summary>
public sealed class SiloNetwork : IAsyncDisposable
{
    private const string CutTable = "cvcut";
    private const string DegradeTable = "cvslow";

    private readonly string _prefix = "cv" + Guid.NewGuid().ToString("N")[..4];
    private readonly int _subnet = Random.Shared.Next(1, 255);
    private readonly int _silos;
    private bool _bridgeMade;
    private int _namespacesMade;

    private SiloNetwork(int silos) => _silos = silos;

    /// <summary>The bridge's address in the test's namespace: Azurite listens on it, silos reach it.</summary>
    public string HostAddress => $"10.213.{_subnet}.1";

    public string Address(int silo) => $"10.213.{_subnet}.{10 + silo}";

    public string Namespace(int silo) => $"{_prefix}s{silo}";

    /// <summary>Why namespaces cannot be made here (not root, no ip or nft), or null when they can.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Network namespaces need Linux.";
        }

        if (Environment.UserName != "root")
        {
            return "Network namespaces and nftables need root.";
        }

        foreach (var tool in new[] { "ip", "nft" })
        {
            if (!new[] { "/usr/sbin", "/sbin", "/usr/bin", "/bin" }.Any(d => File.Exists(Path.Combine(d, tool))))
            {
                return $"'{tool}' is not installed (apt-get install -y {(tool == "ip" ? "iproute2" : "nftables")}).";
            }
        }

        return null;
    }

    public static async Task<SiloNetwork> CreateAsync(int silos)
    {
        var network = new SiloNetwork(silos);
        try
        {
            await network.BuildAsync();
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }

        return network;
    }

    /// <summary>Cuts <paramref name="silo"/> off from every other silo, both ways; Azurite and the web nodes still reach it.</summary>
    public Task CutAsync(int silo) => ApplyAsync(silo, CutTable, $"out ip daddr {{ {Others(silo)} }} drop", $"in ip saddr {{ {Others(silo)} }} drop");

    public Task HealAsync(int silo) => RunAsync("ip", "netns", "exec", Namespace(silo), "nft", "delete", "table", "inet", CutTable);

    /// <summary>
    /// Between every pair of silos: drops <paramref name="lossPercent"/> % of the packets, and whatever exceeds
    /// <paramref name="kilobytesPerSecond"/> (a slow link without netem's delay).
    /// </summary>
    public async Task DegradeAsync(int lossPercent, int kilobytesPerSecond)
    {
        for (var silo = 0; silo < _silos; silo++)
        {
            await ApplyAsync(silo, DegradeTable,
                $"out ip daddr {{ {Others(silo)} }} numgen random mod 100 < {lossPercent} drop",
                $"out ip daddr {{ {Others(silo)} }} limit rate over {kilobytesPerSecond} kbytes/second drop");
        }
    }

    public async Task RestoreAsync()
    {
        for (var silo = 0; silo < _silos; silo++)
        {
            await RunAsync("ip", "netns", "exec", Namespace(silo), "nft", "delete", "table", "inet", DegradeTable);
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var silo = 0; silo < _namespacesMade; silo++)
        {
            await TryRunAsync("ip", "netns", "delete", Namespace(silo)); // takes its end of the veth link with it
            await TryRunAsync("ip", "link", "delete", $"{_prefix}v{silo}");
        }

        if (_bridgeMade)
        {
            await TryRunAsync("ip", "link", "delete", $"{_prefix}br");
        }
    }

    private async Task BuildAsync()
    {
        var bridge = $"{_prefix}br";
        await RunAsync("ip", "link", "add", bridge, "type", "bridge");
        _bridgeMade = true;
        await RunAsync("ip", "addr", "add", $"{HostAddress}/24", "dev", bridge);
        await RunAsync("ip", "link", "set", bridge, "up");
        for (var silo = 0; silo < _silos; silo++)
        {
            var ns = Namespace(silo);
            var outside = $"{_prefix}v{silo}";
            var inside = $"{_prefix}p{silo}";
            await RunAsync("ip", "netns", "add", ns);
            _namespacesMade++;
            await RunAsync("ip", "link", "add", outside, "type", "veth", "peer", "name", inside);
            await RunAsync("ip", "link", "set", inside, "netns", ns);
            await RunAsync("ip", "link", "set", outside, "master", bridge);
            await RunAsync("ip", "link", "set", outside, "up");
            await RunAsync("ip", "netns", "exec", ns, "ip", "addr", "add", $"{Address(silo)}/24", "dev", inside);
            await RunAsync("ip", "netns", "exec", ns, "ip", "link", "set", inside, "up");
            await RunAsync("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
        }
    }

    private string Others(int silo) => string.Join(", ", Enumerable.Range(0, _silos).Where(s => s != silo).Select(Address));

    /// <summary>An nftables table in the silo's namespace with chains "out" and "in"; each rule starts with its chain's name.</summary>
    private Task ApplyAsync(int silo, string table, params string[] rules) =>
        RunAsync("ip", "netns", "exec", Namespace(silo), "nft",
            $"add table inet {table}; " +
            $"add chain inet {table} out {{ type filter hook output priority 0; }}; " +
            $"add chain inet {table} in {{ type filter hook input priority 0; }}; " +
            string.Join("; ", rules.Select(rule => $"add rule inet {table} {rule}")));

    private static async Task RunAsync(params string[] command)
    {
        var (exitCode, output) = await ExecuteAsync(command);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', command)}' failed ({exitCode}): {output}");
        }
    }

    private static async Task TryRunAsync(params string[] command) => await ExecuteAsync(command);

    private static async Task<(int ExitCode, string Output)> ExecuteAsync(string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output.Trim());
    }
}
