using Conversations.Grains.Interfaces.Properties;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Tests.Infrastructure;

/// <summary>A cluster whose silo sends to a <see cref="TestSmtpServer"/> and listens for inbound mail on a free port.</summary>
public class EmailCluster : IAsyncLifetime
{
    public const string From = "support@conversations.test";
    public const string TokenSecret = "test-token-secret-0123456789abcdef-0123456789";

    private ConversationsCluster? _cluster;

    public TestSmtpServer Smtp { get; } = new();

    public int InboundPort { get; } = AzuriteProcess.FreePort();

    /// <summary>Settings a cluster for one kind of test changes (limits, retries).</summary>
    protected virtual Dictionary<string, string?> Overrides => [];

    public ConversationsCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
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
            ["Conversations:Email:MaxAttachmentBytes"] = "16384",
            ["Conversations:Email:MaxEmailAttachmentBytes"] = "40000",
        };
        foreach (var (key, value) in Overrides)
        {
            settings[key] = value;
        }

        _cluster = await ConversationsCluster.StartAsync(extraSettings: settings);
    }

    public static string SupportAddress(string property) => $"help-{property}@conversations.test";

    /// <summary>A fresh property, with <see cref="SupportAddress"/> as its support address when asked.</summary>
    public async Task<string> NewPropertyAsync(bool withSupportAddress = false)
    {
        var property = "mail-" + Guid.NewGuid().ToString("N")[..12];
        await Client.GetGrain<IPropertyGrain>(property).CreateAsync("Mail test", withSupportAddress ? SupportAddress(property) : null);
        return property;
    }

    /// <summary>A fresh ticket "Printer on fire" from Ann (a fresh address) whose first message is "Help".</summary>
    public async Task<(string Property, Guid TicketId, string Requester)> NewTicketAsync(bool withSupportAddress = false)
    {
        var property = await NewPropertyAsync(withSupportAddress);
        var ticketId = Guid.NewGuid();
        var requester = $"ann-{ticketId:N}@example.com";
        await Client.GetGrain<ITicketGrain>(ticketId)
            .CreateAsync(new CreateTicket(property, "Printer on fire", new TicketRequester(null, "Ann", requester), TicketPriority.High, "Help"));
        return (property, ticketId, requester);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await Smtp.DisposeAsync();
    }
}
