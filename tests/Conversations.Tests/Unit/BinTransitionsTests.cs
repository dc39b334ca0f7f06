using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Tests.Unit;

public sealed class BinTransitionsTests
{
    [Theory, Trait("Spec", "BIN-1"), Trait("Spec", "BIN-3")]
    [InlineData(BinState.Inbox, BinState.Trashed)]
    [InlineData(BinState.Inbox, BinState.Spam)]
    [InlineData(BinState.Trashed, BinState.Spam)]
    [InlineData(BinState.Spam, BinState.Trashed)]
    [InlineData(BinState.Trashed, BinState.Inbox)]
    [InlineData(BinState.Spam, BinState.Inbox)]
    [InlineData(BinState.Trashed, BinState.Purged)]
    [InlineData(BinState.Spam, BinState.Purged)]
    public void BIN1_allowed_moves_change_the_place(BinState from, BinState to) =>
        Assert.True(BinTransitions.Check(from, to));

    [Theory, Trait("Spec", "BIN-1")]
    [InlineData(BinState.Trashed)]
    [InlineData(BinState.Spam)]
    [InlineData(BinState.Purged)]
    public void BIN1_repeating_a_move_changes_nothing(BinState state) =>
        Assert.False(BinTransitions.Check(state, state));

    [Theory, Trait("Spec", "BIN-2")]
    [InlineData(BinState.Inbox)]
    [InlineData(BinState.Trashed)]
    [InlineData(BinState.Spam)]
    public void BIN2_nothing_comes_back_from_purged(BinState to)
    {
        var error = Assert.Throws<DomainException>(() => BinTransitions.Check(BinState.Purged, to));
        Assert.Equal(DomainErrorCode.Irreversible, error.Code);
        Assert.Contains("irreversible", error.Message);
    }

    [Fact, Trait("Spec", "BIN-2")]
    public void BIN2_an_item_in_the_inbox_cannot_be_purged_directly() =>
        Assert.Equal(DomainErrorCode.Conflict, Assert.Throws<DomainException>(() => BinTransitions.Check(BinState.Inbox, BinState.Purged)).Code);

    [Fact, Trait("Spec", "BIN-1")]
    public void BIN1_restoring_an_item_in_the_inbox_is_refused() =>
        Assert.Equal(DomainErrorCode.Conflict, Assert.Throws<DomainException>(() => BinTransitions.Check(BinState.Inbox, BinState.Inbox)).Code);

    [Fact, Trait("Spec", "X-1")]
    public void X1_an_unknown_place_is_invalid() =>
        Assert.Equal(DomainErrorCode.Invalid, Assert.Throws<DomainException>(() => BinTransitions.Check(BinState.Inbox, (BinState)7)).Code);
}
