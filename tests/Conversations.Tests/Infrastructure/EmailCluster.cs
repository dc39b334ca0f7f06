namespace Conversations.Tests.Infrastructure;

/// <summary>A cluster whose silo sends to a <see cref="TestSmtpServer"/> and listens for inbound mail on a free port.</summary>
public sealed class EmailCluster : IAsyncLifetime
{
    public const string From = "support@conversations.test";
    public const string TokenSecret = "test-token-secret-0123456789abcdef-0123456789";

    private ConversationsCluster? _cluster;

    public TestSmtpServer Smtp { get; } = new();

    public int InboundPort { get; } = AzuriteProcess.FreePort();

    public ConversationsCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync() => _cluster = await ConversationsCluster.StartAsync(extraSettings: new()
    {
        ["Conversations:Email:SmtpHost"] = "127.0.0.1",
        ["Conversations:Email:SmtpPort"] = Smtp.Port.ToString(),
        ["Conversations:Email:From"] = From,
        ["Conversations:Email:TokenSecret"] = TokenSecret,
        ["Conversations:Email:InboundSmtpPort"] = InboundPort.ToString(),
        ["Conversations:Email:RetryBaseDelay"] = "00:00:01",
        ["Conversations:Email:ReminderPeriod"] = "00:00:03",
        ["Conversations:Email:MaxAttempts"] = "3",
        ["Conversations:Email:MaxInboundBytes"] = "65536",
    });

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await Smtp.DisposeAsync();
    }
}
