namespace Conversations.Web.Hosting;

/// <summary>
/// Keeps trying to reach a silo at start instead of failing, so the web node can start before or
/// while the silos do. Health stays unhealthy until the connection is made.
/// </summary>
public sealed class RetryUntilClusterIsReachable(ILogger<RetryUntilClusterIsReachable> logger) : IClientConnectionRetryFilter
{
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        logger.LogWarning("No silo is reachable yet ({Reason}); retrying in 1 s.", exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }
}
