using Conversations.Grains.Chats;
using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Grains.Tickets;

namespace Conversations.Tests.Unit;

/// <summary>Every pair of every table: nothing leaves a final state, and a refusal always says why.</summary>
public sealed class IrreversibilityTests
{
    [Fact, Trait("Spec", "CHAT-2"), Trait("Spec", "TIC-5"), Trait("Spec", "BIN-2")]
    public void CHAT2_no_pair_of_any_table_leaves_closed_or_purged()
    {
        AssertFinal(ChatPolicy.ChangesStatus, ChatStatus.Closed);
        AssertFinal(TicketPolicy.ChangesStatus, TicketStatus.Closed);
        AssertFinal(BinTransitions.Check, BinState.Purged);
    }

    private static void AssertFinal<T>(Func<T, T, bool> check, T final) where T : struct, Enum
    {
        foreach (var from in Enum.GetValues<T>())
        {
            foreach (var to in Enum.GetValues<T>())
            {
                try
                {
                    var changes = check(from, to);
                    Assert.False(from.Equals(final) && changes, $"{from} → {to} was allowed.");
                    Assert.False(from.Equals(final) && !to.Equals(final), $"{from} → {to} was allowed.");
                }
                catch (DomainException error)
                {
                    Assert.False(string.IsNullOrWhiteSpace(error.Message));
                    if (from.Equals(final) && !to.Equals(final) && Convert.ToInt32(to) != 0)
                    {
                        Assert.Equal(DomainErrorCode.Irreversible, error.Code);
                    }
                }
            }
        }
    }
}
