using Conversations.Grains.Interfaces.Agents;
using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Grains.Agents;

[GenerateSerializer, Alias("Conversations.AgentState")]
public sealed class AgentState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Email { get; set; } = "";
    [Id(2)] public string Name { get; set; } = "";
    // Id 3 held a stored presence; presence is now derived from Connections and ChosenPresence.
    [Id(4)] public Dictionary<string, PropertyRole> Memberships { get; set; } = [];

    /// <summary>Personal API tokens with the hash that keys each token's grain.</summary>
    [Id(5)] public Dictionary<Guid, StoredApiToken> ApiTokens { get; set; } = [];

    /// <summary>Open console connections; presence is Offline when there is none.</summary>
    [Id(6)] public HashSet<string> Connections { get; set; } = [];

    /// <summary>What the agent chose for while connected: Online or Away.</summary>
    [Id(7)] public AgentPresence ChosenPresence { get; set; } = AgentPresence.Online;

    /// <summary>Null until the agent first chooses: the defaults then apply.</summary>
    [Id(8)] public NotificationPreferences? Notifications { get; set; }
}
