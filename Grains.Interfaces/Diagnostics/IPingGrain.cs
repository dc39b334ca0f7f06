namespace Conversations.Grains.Interfaces.Diagnostics;

/// <summary>
/// A grain that does nothing but answer: the load benchmark's reference (R3) for the cost of one
/// grain call from a client through the gateway, without storage or streams.
/// </summary>
[Alias("Conversations.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task<long> PingAsync(long value);
}
