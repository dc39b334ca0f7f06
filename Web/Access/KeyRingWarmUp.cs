using Microsoft.AspNetCore.DataProtection;

namespace Conversations.Web.Access;

/// <summary>
/// Reads (or, on fresh storage, creates) the shared key ring before the node serves anyone. A node caches the ring
/// for hours, so a node that first read it lazily after another node's sign-in would not know that node's key.
/// </summary>
public sealed class KeyRingWarmUp(IDataProtectionProvider provider, ILogger<KeyRingWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            provider.CreateProtector(nameof(KeyRingWarmUp)).Protect("ready"u8.ToArray());
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reading the shared data-protection key ring failed; it is read again at the first sign-in.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
