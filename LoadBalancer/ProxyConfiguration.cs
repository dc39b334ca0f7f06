using Yarp.ReverseProxy.Configuration;

namespace Conversations.LoadBalancer;

/// <summary>One route for every path to the cluster of web nodes: round robin, health-checked, the client's Host kept.</summary>
public static class ProxyConfiguration
{
    public const string ClusterId = "web";

    public static RouteConfig[] Routes() =>
    [
        new RouteConfig
        {
            RouteId = "all",
            ClusterId = ClusterId,
            Match = new RouteMatch { Path = "{**path}" },
            // The web node's same-origin check compares Origin with Host, so the node must see the address the browser used.
            Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
        },
    ];

    public static ClusterConfig[] Clusters(LoadBalancerSettings settings) =>
    [
        new ClusterConfig
        {
            ClusterId = ClusterId,
            LoadBalancingPolicy = "RoundRobin",
            Destinations = settings.WebNodes.Select((url, i) => (url, i))
                .ToDictionary(d => $"web-{d.i}", d => new DestinationConfig { Address = d.url }),
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = settings.HealthCheckInterval,
                    Timeout = TimeSpan.FromSeconds(2),
                    Policy = "ConsecutiveFailures",
                    Path = "/health",
                },
                Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = TimeSpan.FromSeconds(5) },
            },
        },
    ];
}
