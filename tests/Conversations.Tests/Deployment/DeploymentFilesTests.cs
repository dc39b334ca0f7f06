using System.Diagnostics;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Deployment;

/// <summary>The azd files: Bicep builds and lints without a warning; azure.yaml matches the project's schema.</summary>
public sealed class DeploymentFilesTests
{
    private static readonly string Bicep = Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep");

    [Theory]
    [InlineData("build")]
    [InlineData("lint")]
    public async Task Bicep_checks_pass_without_warnings(string command)
    {
        Assert.True(File.Exists(Bicep), $"The Bicep CLI is missing at {Bicep}; ./test.sh restores infra/tools/BicepCli.csproj.");
        var arguments = command == "build" ? ["build", "main.bicep", "--stdout"] : new[] { "lint", "main.bicep" };

        var (exitCode, output) = await RunAsync(Bicep, Path.Combine(RepositoryPaths.Root, "infra"), arguments, captureStdout: command != "build");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("Warning", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Error", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Azure_yaml_matches_the_schema_and_a_broken_one_does_not()
    {
        var (valid, _) = await RunAsync("node", RepositoryPaths.Root, ["scripts/check-azure-yaml.mjs", "azure.yaml"]);
        Assert.Equal(0, valid);

        var broken = Path.Combine(Path.GetTempPath(), $"azure-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(broken, "name: conversations\nservices:\n  silo:\n    project: ./Silo\n    language: dotnet\n    host: appservice\n");
        try
        {
            var (invalid, output) = await RunAsync("node", RepositoryPaths.Root, ["scripts/check-azure-yaml.mjs", broken]);
            Assert.Equal(1, invalid);
            Assert.Contains("web", output);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string directory, IEnumerable<string> arguments, bool captureStdout = true)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (captureStdout ? await stdout : "") + await stderr);
    }
}
