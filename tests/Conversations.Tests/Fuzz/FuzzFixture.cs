using Conversations.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Conversations.Tests.Fuzz;

/// <summary>
/// A cluster and a web node of their own for the fuzzer: the rate limits are raised (the fuzzer would otherwise
/// spend the shared node's per-address budget of the other web tests) and both processes' errors are captured.
/// </summary>
public sealed class FuzzFixture : IAsyncLifetime
{
    private ConversationsCluster? _cluster;
    private ConversationsWebFactory? _web;

    public CapturedLogs Logs { get; } = new(LogLevel.Error);

    public ConversationsCluster Cluster => _cluster ?? throw new InvalidOperationException("Not started.");

    public ConversationsWebFactory Web => _web ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _cluster = await ConversationsCluster.StartAsync(logs: Logs);
        _web = ConversationsWebFactory.Start(_cluster.Settings, new()
        {
            ["Conversations:TrustForwardedFor"] = "true",
            ["Conversations:RateLimits:VisitorSessionsPerMinutePerIp"] = "1000000",
            ["Conversations:RateLimits:NewChatsPerMinutePerIp"] = "1000000",
            ["Conversations:RateLimits:MessagesPerMinutePerVisitor"] = "1000000",
            ["Conversations:RateLimits:PageViewsPerMinutePerVisitor"] = "1000000",
        }, Logs);
    }

    public async Task DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
