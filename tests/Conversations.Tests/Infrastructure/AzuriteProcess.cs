using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Conversations.Tests.Infrastructure;

/// <summary>
/// A real Azurite process on free loopback ports with a throw-away data folder. For fault tests it
/// can be frozen (SIGSTOP: connections are accepted but never answered, as a hanging service) or
/// stopped (SIGTERM: Azurite saves its data and exits; connections are refused) and started again
/// on the same ports and data.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _dataFolder;
    private readonly int[] _ports;
    private readonly string _host;
    private readonly bool _queuesOnly;
    private Process? _process;

    private AzuriteProcess(string dataFolder, int[] ports, string host, bool queuesOnly)
    {
        _dataFolder = dataFolder;
        _ports = ports;
        _host = host;
        _queuesOnly = queuesOnly;
        QueueEndpoint = $"QueueEndpoint=http://{host}:{ports[1]}/devstoreaccount1;";
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://{host}:{ports[0]}/devstoreaccount1;" +
            QueueEndpoint +
            $"TableEndpoint=http://{host}:{ports[2]}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <summary>The connection string's part that names the queue service.</summary>
    public string QueueEndpoint { get; }

    /// <summary>Starts Azurite listening on <paramref name="host"/> (loopback unless silos in other network namespaces must reach it).</summary>
    public static Task<AzuriteProcess> StartAsync(string host = "127.0.0.1") => StartAsync(host, queuesOnly: false);

    /// <summary>
    /// Starts Azurite's queue service alone, in a process of its own: the queues can then be frozen while tables and blobs
    /// answer, and their work no longer shares one Node thread with the tables' (in Azure they are separate services too).
    /// </summary>
    public static Task<AzuriteProcess> StartQueuesAsync(string host = "127.0.0.1") => StartAsync(host, queuesOnly: true);

    /// <summary><paramref name="connectionString"/> with its queue service taken from this process.</summary>
    public string WithQueues(string connectionString) =>
        string.Join(';', connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part => part.StartsWith("QueueEndpoint=", StringComparison.Ordinal) ? QueueEndpoint.TrimEnd(';') : part)) + ";";

    private static async Task<AzuriteProcess> StartAsync(string host, bool queuesOnly)
    {
        var azurite = new AzuriteProcess(Directory.CreateTempSubdirectory("conversations-azurite-").FullName, [FreePort(), FreePort(), FreePort()], host, queuesOnly);
        try
        {
            await azurite.LaunchAsync();
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    /// <summary>SIGSTOP: the process stays, its sockets accept connections, but nothing is answered.</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    /// <summary>SIGCONT: the frozen process answers again, including the requests that waited.</summary>
    public Task ThawAsync() => SignalAsync("CONT");

    /// <summary>SIGTERM: Azurite writes its data to disk and exits; until <see cref="RestartAsync"/> connections are refused.</summary>
    public async Task StopAsync()
    {
        await SignalAsync("TERM");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process!.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Starts Azurite again on the same ports with the same data folder.</summary>
    public Task RestartAsync() => LaunchAsync();

    private async Task LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CONVERSATIONS_AZURITE")
            ?? Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "azurite");
        if (_queuesOnly)
        {
            executable += "-queue";
        }

        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}; run ./test.sh (it runs npm ci).");
        }

        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "--location", _dataFolder, "--queuePort", _ports[1].ToString(), "--queueHost", _host, "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (!_queuesOnly)
        {
            foreach (var argument in (string[])["--blobPort", _ports[0].ToString(), "--tablePort", _ports[2].ToString(), "--blobHost", _host, "--tableHost", _host])
            {
                start.ArgumentList.Add(argument);
            }
        }

        _process?.Dispose();
        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await IsListeningAsync(_host, _ports[1]) || (!_queuesOnly && (!await IsListeningAsync(_host, _ports[2]) || !await IsListeningAsync(_host, _ports[0]))))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("Azurite did not start listening within 30 s.");
            }

            await Task.Delay(100);
        }
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process!.Id.ToString()]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {_process.Id} failed.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static async Task<bool> IsListeningAsync(string host, int port)
    {
        using var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync(IPAddress.Parse(host), port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
