using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Grains.Agents;

[GenerateSerializer, Alias("Conversations.AgentState")]
public sealed class AgentState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Email { get; set; } = "";
    [Id(2)] public string Name { get; set; } = "";
    [Id(3)] public AgentPresence Presence { get; set; }
    [Id(4)] public Dictionary<string, PropertyRole> Memberships { get; set; } = [];

    /// <summary>Personal API tokens with the hash that keys each token's grain.</summary>
    [Id(5)] public Dictionary<Guid, StoredApiToken> ApiTokens { get; set; } = [];
}
