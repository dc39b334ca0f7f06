using System.Diagnostics;
using Conversations.Hosting.Settings;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.MultiProcess;

/// <summary>
/// Issue 17, options validated at start: a silo or web process started with a missing or invalid connection string, port or
/// limit stops at once with a non-zero exit code and a message naming the setting, instead of starting and failing later.
/// </summary>
public sealed class SettingsAtStartTests
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("Silo", "Conversations__StorageConnectionString", "not a connection string", "Conversations:StorageConnectionString is not an Azure Storage connection string")]
    [InlineData("Silo", "Conversations__StorageConnectionString", "", "Conversations:StorageConnectionString is required")]
    [InlineData("Silo", "Conversations__Silo__GatewayPort", "70000", "Conversations:Silo:GatewayPort must be between 1 and 65535")]
    [InlineData("Silo", "Conversations__Silo__SiloPort", "eleven", "at 'Conversations:Silo:SiloPort' to type 'System.Int32'")]
    [InlineData("Silo", "Conversations__Email__InboundSmtpPort", "0", "Conversations:Email:InboundSmtpPort must be between 1 and 65535")]
    [InlineData("Silo", "Conversations__Email__MaxAttempts", "0", "Conversations:Email:MaxAttempts must be between 1 and 30")]
    [InlineData("Web", "Conversations__StorageConnectionString", "AccountName=x;AccountKey=not-base64", "Conversations:StorageConnectionString is not an Azure Storage connection string")]
    [InlineData("Web", "Conversations__RateLimits__MessagesPerMinutePerVisitor", "0", "Conversations:RateLimits:MessagesPerMinutePerVisitor must be between 1 and 1000000")]
    [InlineData("Web", "Conversations__Access__RecheckPeriod", "00:00:00", "Conversations:Access: RoleCacheLifetime must be zero or more and RecheckPeriod more than zero")]
    [InlineData("Web", "Conversations__Admission__MaxCallsInFlight", "0", "Conversations:Admission:MaxCallsInFlight must be between 1 and 100000")]
    [InlineData("Web", "Conversations__Admission__TargetCallMilliseconds", "-1", "Conversations:Admission:TargetCallMilliseconds must be between 0 and 60000")]
    public async Task A_bad_setting_stops_the_process_at_start_naming_the_setting(string project, string variable, string value, string message)
    {
        // Ports nothing else uses, should the process start after all (the test then fails on its timeout, not on a clash).
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{AzuriteProcess.FreePort()}",
            ["Conversations__Silo__SiloPort"] = AzuriteProcess.FreePort().ToString(),
            ["Conversations__Silo__GatewayPort"] = AzuriteProcess.FreePort().ToString(),
        };
        environment[variable] = value;

        var (exitCode, output) = await RunUntilExitAsync(project, environment);

        Assert.Equal(SettingsCheck.InvalidSettingsExitCode, exitCode);
        Assert.Contains(message, output);
        Assert.DoesNotContain("Unhandled exception", output); // a readable line, not a crash
    }

    /// <summary>Runs <c>Conversations.{project}.dll</c> from the tests' build and returns its exit code with everything it wrote.</summary>
    private static async Task<(int ExitCode, string Output)> RunUntilExitAsync(string project, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var directory = Path.Combine(RepositoryPaths.Root, project);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(directory, "bin", configuration, "net10.0", $"Conversations.{project}.dll"));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{project} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ExitWithin);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"{project} was still running {ExitWithin.TotalSeconds:N0} s after it started: the bad setting did not stop it.\n{await output}{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }
}
