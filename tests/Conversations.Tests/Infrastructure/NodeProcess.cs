using System.Diagnostics;

namespace Conversations.Tests.Infrastructure;

/// <summary>A real Silo or Web process started from its build output, with its log under test-artifacts/logs.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _watches = [];

    private NodeProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>Conversations.{project}.dll</c> (Silo or Web) of the same build configuration as the tests, inside the
    /// network namespace <paramref name="networkNamespace"/> when one is named (`ip netns exec` execs, so the PID stays the node's).
    /// </summary>
    public static NodeProcess Start(string project, string name, IReadOnlyDictionary<string, string> environment, string? networkNamespace = null)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var directory = Path.Combine(RepositoryPaths.Root, project);
        var dll = Path.Combine(directory, "bin", configuration, "net10.0", $"Conversations.{project}.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing; build the solution first.");
        }

        var start = new ProcessStartInfo(networkNamespace is null ? "dotnet" : "ip") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        if (networkNamespace is not null)
        {
            foreach (var argument in new[] { "netns", "exec", networkNamespace, "dotnet" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var logs = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Artifacts, "logs")).FullName;
        var log = new StreamWriter(Path.Combine(logs, name + ".log"), append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var node = new NodeProcess(name, process, log);
        process.OutputDataReceived += (_, e) => node.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => node.Receive(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>
    /// The next line the node prints that <paramref name="match"/> accepts: lets a test act on what the node did (a step
    /// logged) rather than on how long it should have taken.
    /// </summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_watches)
        {
            _watches.Add((match, seen));
        }

        try
        {
            return await seen.Task.WaitAsync(timeout);
        }
        finally
        {
            lock (_watches)
            {
                _watches.RemoveAll(w => w.Seen == seen);
            }
        }
    }

    public async Task WaitHealthyAsync(Uri health, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; see test-artifacts/logs/{Name}.log.");
            }

            try
            {
                if ((await http.GetAsync(health)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not healthy at {health} within {timeout}.");
    }

    /// <summary>kill -9: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>
    /// SIGTERM, as an orchestrator stops a container: the node finishes what it can and leaves the cluster. True when it
    /// exited by itself within <paramref name="timeout"/>; false when it had to be killed.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await term.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_watches)
        {
            foreach (var watch in _watches.Where(w => w.Match(line)))
            {
                watch.Seen.TrySetResult(line);
            }
        }

        lock (_log)
        {
            if (_log.BaseStream.CanWrite)
            {
                // Stamped with the test's clock, so a node's log lines up with the test output and the other nodes' logs.
                _log.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
            }
        }
    }
}
