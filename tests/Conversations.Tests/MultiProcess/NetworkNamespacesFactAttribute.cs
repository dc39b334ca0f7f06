namespace Conversations.Tests.MultiProcess;

/// <summary>A test that needs <see cref="SiloNetwork"/>: skipped, with the reason, where network namespaces cannot be made.</summary>
public sealed class NetworkNamespacesFactAttribute : FactAttribute
{
    public NetworkNamespacesFactAttribute()
    {
        if (SiloNetwork.Unavailable() is { } reason)
        {
            Skip = reason;
        }
    }
}
