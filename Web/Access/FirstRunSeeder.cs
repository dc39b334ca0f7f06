using Conversations.Grains.Interfaces.Properties;
using Microsoft.Extensions.Options;

namespace Conversations.Web.Access;

/// <summary>Creates the configured property and admin at start; harmless when they exist (the password is not reset).</summary>
public sealed class FirstRunSeeder(
    IOptions<SeedSettings> options, IClusterClient cluster, AgentProvisioning provisioning, ILogger<FirstRunSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seed = options.Value;
        if (string.IsNullOrWhiteSpace(seed.PropertyId) || string.IsNullOrWhiteSpace(seed.AdminEmail))
        {
            return;
        }

        await cluster.GetGrain<IPropertyGrain>(seed.PropertyId).CreateAsync(seed.PropertyName, null);
        await provisioning.ProvisionAsync(
            seed.PropertyId, seed.AdminEmail, seed.AdminName, seed.AdminPassword, PropertyRole.Admin, ignorePasswordOfExisting: true);
        logger.LogInformation("Seeded property {PropertyId} with admin {AdminEmail}.", seed.PropertyId, seed.AdminEmail);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
