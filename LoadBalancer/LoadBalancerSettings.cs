namespace Conversations.LoadBalancer;

/// <summary><c>LoadBalancer:*</c>: the web nodes behind this address.</summary>
public sealed class LoadBalancerSettings
{
    public const string SectionName = "LoadBalancer";

    /// <summary>Base URLs of the web nodes, e.g. <c>http://127.0.0.1:5090</c>.</summary>
    public string[] WebNodes { get; set; } = [];

    /// <summary>How often each web node's <c>/health</c> is asked; a node that fails it gets no new requests.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    public IReadOnlyList<string> Problems() =>
        WebNodes.Length == 0
            ? [$"{SectionName}:WebNodes needs at least one web node URL."]
            : [.. WebNodes.Where(n => !Uri.TryCreate(n, UriKind.Absolute, out _)).Select(n => $"{SectionName}:WebNodes: '{n}' is not an absolute URL.")];
}
