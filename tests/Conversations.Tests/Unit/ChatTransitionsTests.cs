using Conversations.Grains.Chats;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;

namespace Conversations.Tests.Unit;

public sealed class ChatTransitionsTests
{
    [Fact, Trait("Spec", "CHAT-2")]
    public void CHAT2_an_open_chat_can_be_closed_and_closing_again_changes_nothing()
    {
        Assert.True(ChatTransitions.Check(ChatStatus.Open, ChatStatus.Closed));
        Assert.False(ChatTransitions.Check(ChatStatus.Closed, ChatStatus.Closed));
    }

    [Fact, Trait("Spec", "CHAT-2")]
    public void CHAT2_a_closed_chat_cannot_be_reopened()
    {
        var error = Assert.Throws<DomainException>(() => ChatTransitions.Check(ChatStatus.Closed, ChatStatus.Open));
        Assert.Equal(DomainErrorCode.Irreversible, error.Code);
        Assert.Contains("irreversible", error.Message);
    }

    [Theory, Trait("Spec", "X-1")]
    [InlineData(ChatStatus.None)]
    [InlineData((ChatStatus)42)]
    public void X1_an_unknown_target_status_is_invalid(ChatStatus to) =>
        Assert.Equal(DomainErrorCode.Invalid, Assert.Throws<DomainException>(() => ChatTransitions.Check(ChatStatus.Open, to)).Code);
}
