namespace Conversations.Web.Realtime;

/// <summary>What this node does with hub calls in flight when it loses a gateway (<see cref="GatewayLossHubFilter"/>).</summary>
public sealed class GatewayLossSettings
{
    public const string SectionName = "Conversations:GatewayLoss";

    /// <summary>
    /// Answer the hub calls in flight "Unavailable" at once when a gateway is lost, instead of waiting up to the grain call
    /// timeout for an answer that may never come. The clients retry with the same command id (OPS-4).
    /// </summary>
    public bool AbandonHubCalls { get; set; } = true;
}
