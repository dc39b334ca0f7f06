using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Email;

/// <summary>
/// TIC-2, X-1: an acknowledged reply always gets its email. When the ticket's outbox takes no more (its SMTP server refuses
/// for a while, so unsent emails pile up), the emails wait in the ticket; when the ticket holds its limit too, the next
/// reply is refused before it is stored (503 / "Unavailable", retry with the same command id) instead of any email being dropped.
/// </summary>
public sealed class EmailBackPressureTests(SmallOutboxEmailCluster email) : IClassFixture<SmallOutboxEmailCluster>
{
    [Fact, Trait("Spec", "TIC-2"), Trait("Spec", "X-1")]
    public async Task TIC2_no_acknowledged_email_is_dropped_a_full_outbox_refuses_the_next_reply_until_it_drains()
    {
        var (property, ticketId, requester) = await email.NewTicketAsync();
        var ticket = email.Client.GetGrain<ITicketGrain>(ticketId);
        var acknowledged = new List<string>();
        string? refused = null;
        email.Smtp.Refusing = true;
        try
        {
            for (var i = 1; i <= 20 && refused is null; i++)
            {
                var text = $"Answer {i}";
                try
                {
                    await ticket.ReplyAsync(new ReplyToTicket(property, $"r-{i}", "agent-1", "Bo", text, null));
                    acknowledged.Add(text);
                }
                catch (UnavailableException)
                {
                    refused = text;
                }
            }
        }
        finally
        {
            email.Smtp.Refusing = false;
        }

        Assert.Equal(SmallOutboxEmailCluster.OutboxHolds + SmallOutboxEmailCluster.TicketHolds, acknowledged.Count);
        Assert.Equal("Answer 8", refused);
        var retried = refused!;
        Assert.Equal(acknowledged.Count + 1, (await ticket.GetAsync(property)).MessageCount); // the refused reply was not stored

        // Every acknowledged reply is delivered once the server takes mail again, the waiting ones included.
        await email.Smtp.WaitForAsync(requester, acknowledged.Count);

        // The refused reply goes through on a retry once there is room, and is delivered too.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await ticket.ReplyAsync(new ReplyToTicket(property, "r-8", "agent-1", "Bo", retried, null));
                break;
            }
            catch (UnavailableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }

        var delivered = await email.Smtp.WaitForAsync(requester, acknowledged.Count + 1);
        Assert.Equal([.. acknowledged, retried], delivered.Select(m => (m.TextBody ?? "").Trim().Split('\n')[^1].Trim()).Order(StringComparer.Ordinal));
    }
}
