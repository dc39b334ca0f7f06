namespace Conversations.Grains.Interfaces.Configuration;

public enum StreamProviderKind
{
    /// <summary>In-memory streams inside the cluster; the default.</summary>
    Memory = 0,

    /// <summary>Azure Queue storage streams (persistent; survive a silo restart).</summary>
    AzureQueue = 1,
}
