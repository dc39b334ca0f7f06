namespace Conversations.Tests.Infrastructure;

/// <summary>An <see cref="EmailCluster"/> whose tickets hold few emails: an outbox of 4 unsent, and 3 more waiting in the ticket.</summary>
public sealed class SmallOutboxEmailCluster : EmailCluster
{
    public const int OutboxHolds = 4;

    public const int TicketHolds = 3;

    protected override Dictionary<string, string?> Overrides => new()
    {
        ["Conversations:Email:MaxEmailsPendingPerTicket"] = OutboxHolds.ToString(),
        ["Conversations:Email:MaxEmailsWaitingPerTicket"] = TicketHolds.ToString(),

        // Failed sends are retried, not dead-lettered, while the test's SMTP server refuses.
        ["Conversations:Email:MaxAttempts"] = "20",
    };
}
