namespace Conversations.Tests.Fuzz;

/// <summary>Fails the run when anything a fuzzing client receives holds the foreign property's canary.</summary>
public sealed class CanaryWatch(string canary, FuzzReport report)
{
    public void Check(string what, string text)
    {
        if (text.Contains(canary, StringComparison.OrdinalIgnoreCase))
        {
            report.Fail($"FOREIGN DATA: {what} received the foreign property's canary: {FuzzReport.Show(text)}");
        }
    }
}
