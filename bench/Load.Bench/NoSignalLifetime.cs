using Microsoft.Extensions.Hosting;

namespace Conversations.Load.Bench;

/// <summary>
/// For the hosts inside the bench (reference server, Orleans client): unlike the default console lifetime it
/// does not take over Ctrl-C and SIGTERM, so those end the whole bench process as bench/run-load.sh expects.
/// </summary>
public sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
