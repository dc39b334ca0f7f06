using Microsoft.AspNetCore.SignalR;

namespace Conversations.Tests.MultiProcess;

/// <summary>A hub call answered "Unavailable" is retriable by contract: clients send it again, as the tests do here.</summary>
public static class HubRetry
{
    /// <summary>Calls <paramref name="call"/> again every 500 ms while it is answered "Unavailable" and <paramref name="mayRetry"/> (given the attempt, from 1) allows.</summary>
    public static async Task WhileUnavailableAsync(Func<Task> call, Func<int, bool> mayRetry)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                return;
            }
            catch (HubException ex) when (ex.Message.Contains("Unavailable", StringComparison.Ordinal) && mayRetry(attempt))
            {
                await Task.Delay(500);
            }
        }
    }
}
