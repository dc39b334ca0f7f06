using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Conversations.Silo.Hosting;

/// <summary>Healthy once this silo is an active member of the cluster.</summary>
public sealed class SiloHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(oracle.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Silo status is {oracle.CurrentStatus}."));
}
