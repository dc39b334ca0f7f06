using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Tickets;

namespace Conversations.Tests.Unit;

public sealed class TicketTransitionsTests
{
    [Theory, Trait("Spec", "TIC-5")]
    [InlineData(TicketStatus.Open, TicketStatus.Pending)]
    [InlineData(TicketStatus.Pending, TicketStatus.Open)]
    [InlineData(TicketStatus.Open, TicketStatus.Closed)]
    [InlineData(TicketStatus.Pending, TicketStatus.Closed)]
    public void TIC5_open_and_pending_move_both_ways_and_both_can_close(TicketStatus from, TicketStatus to) =>
        Assert.True(TicketTransitions.Check(from, to));

    [Theory, Trait("Spec", "TIC-5")]
    [InlineData(TicketStatus.Open)]
    [InlineData(TicketStatus.Pending)]
    [InlineData(TicketStatus.Closed)]
    public void TIC5_setting_the_current_status_changes_nothing(TicketStatus status) =>
        Assert.False(TicketTransitions.Check(status, status));

    [Theory, Trait("Spec", "TIC-5")]
    [InlineData(TicketStatus.Open)]
    [InlineData(TicketStatus.Pending)]
    public void TIC5_a_closed_ticket_cannot_be_reopened_or_set_pending(TicketStatus to)
    {
        var error = Assert.Throws<DomainException>(() => TicketTransitions.Check(TicketStatus.Closed, to));
        Assert.Equal(DomainErrorCode.Irreversible, error.Code);
        Assert.Contains("irreversible", error.Message);
    }

    [Theory, Trait("Spec", "X-1")]
    [InlineData(TicketStatus.None)]
    [InlineData((TicketStatus)99)]
    public void X1_an_unknown_target_status_is_invalid(TicketStatus to) =>
        Assert.Equal(DomainErrorCode.Invalid, Assert.Throws<DomainException>(() => TicketTransitions.Check(TicketStatus.Open, to)).Code);
}
