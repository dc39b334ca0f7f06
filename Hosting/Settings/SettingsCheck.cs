using Microsoft.Extensions.Options;

namespace Conversations.Hosting.Settings;

/// <summary>
/// Runs a host so that a bad setting ends the process with one readable line naming it and exit code 2, whether it was
/// found while the host was built or by <c>ValidateOnStart</c> when it started. Other failures keep their stack trace.
/// </summary>
public static class SettingsCheck
{
    public const int InvalidSettingsExitCode = 2;

    public static int Run(Action host)
    {
        try
        {
            host();
            return 0;
        }
        catch (Exception e) when (Failures(e) is { Count: > 0 } failures)
        {
            Console.Error.WriteLine("Invalid configuration: " + string.Join(" ", failures));
            return InvalidSettingsExitCode;
        }
    }

    private static List<string> Failures(Exception e) => e switch
    {
        InvalidSettingsException invalid => [invalid.Message],
        OptionsValidationException options => [.. options.Failures],
        AggregateException all when all.InnerExceptions.All(i => Failures(i).Count > 0) => [.. all.InnerExceptions.SelectMany(Failures)],
        _ => [],
    };
}
