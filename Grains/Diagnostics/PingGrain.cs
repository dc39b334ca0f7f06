using Conversations.Grains.Interfaces.Diagnostics;

namespace Conversations.Grains.Diagnostics;

public sealed class PingGrain : Grain, IPingGrain
{
    public Task<long> PingAsync(long value) => Task.FromResult(value);
}
