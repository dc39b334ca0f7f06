using Conversations.Grains.Interfaces.Email;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Email;

/// <summary>Restarts its silo, so it runs on a cluster of its own.</summary>
public sealed class OutboxRestartTests : IAsyncLifetime
{
    private readonly EmailCluster _email = new();

    public Task InitializeAsync() => _email.InitializeAsync();

    public Task DisposeAsync() => _email.DisposeAsync();

    [Fact, Trait("Spec", "TIC-2"), Trait("Spec", "X-1")]
    public async Task TIC2_an_email_persisted_but_not_sent_when_the_silo_stops_is_delivered_exactly_once_after_the_restart()
    {
        var (property, ticketId, requester) = await _email.NewTicketAsync();
        var ticket = _email.Client.GetGrain<ITicketGrain>(ticketId);

        _email.Smtp.Refusing = true;
        await ticket.ReplyAsync(new ReplyToTicket(property, "r-1", "agent-1", "Bo", "Survives restarts", null));
        var persisted = Assert.Single((await _email.Client.GetGrain<IEmailOutboxGrain>(ticketId).GetAsync()).Pending);

        await _email.Cluster.RestartSiloAsync(0);
        _email.Smtp.Refusing = false;

        var mail = Assert.Single(await _email.Smtp.WaitForAsync(requester));
        Assert.Equal(persisted.MessageId, mail.MessageId);
        Assert.Contains("Survives restarts", mail.TextBody);

        // Another reminder period later, still once.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Single(_email.Smtp.To(requester));
        var outbox = await _email.Client.GetGrain<IEmailOutboxGrain>(ticketId).GetAsync();
        Assert.Empty(outbox.Pending);
        Assert.Equal(persisted.DedupeKey, Assert.Single(outbox.RecentlySent).DedupeKey);
    }
}
