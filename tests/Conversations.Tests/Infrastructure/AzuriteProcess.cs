using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Conversations.Tests.Infrastructure;

/// <summary>A real Azurite process on free loopback ports with a throw-away data folder.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _dataFolder;

    private AzuriteProcess(Process process, string dataFolder, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _dataFolder = dataFolder;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteProcess> StartAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CONVERSATIONS_AZURITE")
            ?? Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}; run ./test.sh (it runs npm ci).");
        }

        var dataFolder = Directory.CreateTempSubdirectory("conversations-azurite-").FullName;
        int[] ports = [FreePort(), FreePort(), FreePort()];
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--location", dataFolder, "--blobPort", ports[0].ToString(), "--queuePort", ports[1].ToString(),
                "--tablePort", ports[2].ToString(), "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(process, dataFolder, ports[0], ports[1], ports[2]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await azurite.IsListeningAsync(ports[2]) || !await azurite.IsListeningAsync(ports[1]))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await azurite.DisposeAsync();
                throw new InvalidOperationException("Azurite did not start listening within 30 s.");
            }

            await Task.Delay(100);
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task<bool> IsListeningAsync(int port)
    {
        using var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port);
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
