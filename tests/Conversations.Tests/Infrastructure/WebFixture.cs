namespace Conversations.Tests.Infrastructure;

/// <summary>A cluster and a Web node on a real port, shared by the web and browser tests.</summary>
public sealed class WebFixture : IAsyncLifetime
{
    private ConversationsCluster? _cluster;
    private ConversationsWebFactory? _web;

    public ConversationsCluster Cluster => _cluster ?? throw new InvalidOperationException("Not started.");

    public ConversationsWebFactory Web => _web ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _cluster = await ConversationsCluster.StartAsync();
        _web = ConversationsWebFactory.Start(_cluster.Settings, new()
        {
            ["Conversations:TrustForwardedFor"] = "true",

            // Browsers do not put extra headers on WebSocket requests, so every widget in the browser tests
            // shares one address; the limits themselves are tested on a web node of their own (RateLimitTests).
            ["Conversations:RateLimits:NewChatsPerMinutePerIp"] = "1000",
        });
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

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
