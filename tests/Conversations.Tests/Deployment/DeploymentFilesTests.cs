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

    /// <summary>OPS-1: one setting scales the silos; each silo is its own app with one replica, and the queue count follows.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task OPS1_silo_count_builds_and_lints_with_one_app_per_silo(int siloCount)
    {
        var parameters = await WriteParametersAsync(siloCount);
        try
        {
            var (lintExit, lintOutput) = await RunAsync(Bicep, Path.Combine(RepositoryPaths.Root, "infra"), ["lint", parameters]);
            Assert.True(lintExit == 0, lintOutput);
            Assert.DoesNotContain("Warning", lintOutput, StringComparison.OrdinalIgnoreCase);

            var (buildExit, built) = await RunAsync(Bicep, Path.Combine(RepositoryPaths.Root, "infra"), ["build-params", parameters, "--stdout"]);
            Assert.True(buildExit == 0, built);
            using var document = System.Text.Json.JsonDocument.Parse(built);
            var values = System.Text.Json.JsonDocument.Parse(document.RootElement.GetProperty("parametersJson").GetString()!);
            Assert.Equal(siloCount, values.RootElement.GetProperty("parameters").GetProperty("siloCount").GetProperty("value").GetInt32());

            var template = document.RootElement.GetProperty("templateJson").GetString()!;
            Assert.Contains("\"count\": \"[length(range(0, parameters('siloCount')))]\"", template);
            Assert.Contains("additionalPortMappings", template);
            Assert.Contains("Conversations__Silo__AdvertisedAddress", template);
            Assert.Contains("Conversations__StreamQueueCount", template);
            Assert.Contains("max(8, mul(4, parameters('siloCount')))", template);
        }
        finally
        {
            File.Delete(parameters);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task OPS1_a_silo_count_out_of_range_is_refused(int siloCount)
    {
        var parameters = await WriteParametersAsync(siloCount);
        try
        {
            var (exit, output) = await RunAsync(Bicep, Path.Combine(RepositoryPaths.Root, "infra"), ["lint", parameters]);
            Assert.NotEqual(0, exit);
            Assert.Contains("BCP32", output);
        }
        finally
        {
            File.Delete(parameters);
        }
    }

    [Fact]
    public async Task OPS1_the_silo_roll_hook_is_valid_bash()
    {
        var (exit, output) = await RunAsync("bash", RepositoryPaths.Root, ["-n", "infra/hooks/roll-silos.sh"]);
        Assert.True(exit == 0, output);
    }

    /// <summary>A .bicepparam beside main.bicep (its <c>using</c> path is relative), removed by the caller.</summary>
    private static async Task<string> WriteParametersAsync(int siloCount)
    {
        var path = Path.Combine(RepositoryPaths.Root, "infra", $"ops1-{Guid.NewGuid():N}.bicepparam");
        await File.WriteAllTextAsync(path, $"using 'main.bicep'\n\nparam environmentName = 'ops1'\nparam location = 'westeurope'\nparam siloCount = {siloCount}\n");
        return path;
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
