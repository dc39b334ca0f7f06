using Conversations.Grains.Chats;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;

namespace Conversations.Tests.Unit;

/// <summary>The chat's rules as a plain table, without Orleans: status, messages, inbox listing, merge seal, tombstone.</summary>
public sealed class ChatPolicyTests
{
    private static readonly ChatPolicy Policy = ChatPolicy.Instance;
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact, Trait("Spec", "CHAT-2")]
    public void CHAT2_an_open_chat_can_be_closed_and_closing_again_changes_nothing()
    {
        Assert.True(ChatPolicy.ChangesStatus(ChatStatus.Open, ChatStatus.Closed));
        Assert.False(ChatPolicy.ChangesStatus(ChatStatus.Closed, ChatStatus.Closed));
    }

    [Fact, Trait("Spec", "CHAT-2")]
    public void CHAT2_a_closed_chat_cannot_be_reopened()
    {
        var error = Assert.Throws<DomainException>(() => ChatPolicy.ChangesStatus(ChatStatus.Closed, ChatStatus.Open));
        Assert.Equal(DomainErrorCode.Irreversible, error.Code);
        Assert.Contains("irreversible", error.Message);
    }

    [Theory, Trait("Spec", "X-1")]
    [InlineData(ChatStatus.None)]
    [InlineData((ChatStatus)42)]
    public void X1_an_unknown_target_status_is_invalid(ChatStatus to) =>
        Assert.Equal(DomainErrorCode.Invalid, Assert.Throws<DomainException>(() => ChatPolicy.ChangesStatus(ChatStatus.Open, to)).Code);

    [Fact, Trait("Spec", "CHAT-2")]
    public void CHAT2_an_open_chat_takes_messages_and_a_closed_one_refuses_them()
    {
        Policy.EnsureAcceptsMessages(Chat(ChatStatus.Open));
        var error = Assert.Throws<DomainException>(() => Policy.EnsureAcceptsMessages(Chat(ChatStatus.Closed)));
        Assert.Equal(DomainErrorCode.Conflict, error.Code);
        Assert.Contains("new chat", error.Message);
        Assert.Equal((false, true), (Policy.Closed(Chat(ChatStatus.Open)), Policy.Closed(Chat(ChatStatus.Closed))));
    }

    [Fact, Trait("Spec", "CHAT-1")]
    public void CHAT1_only_the_chats_own_visitor_writes_as_the_visitor()
    {
        var chat = Chat(ChatStatus.Open);
        Assert.Equal(("visitor-1", "Ann"), Policy.Visitor(chat, "visitor-1"));
        Assert.Equal(DomainErrorCode.NotFound, Assert.Throws<DomainException>(() => Policy.Visitor(chat, "visitor-2")).Code);
    }

    [Fact, Trait("Spec", "INB-1")]
    public void INB1_a_chat_is_listed_from_its_first_message_on()
    {
        var chat = Chat(ChatStatus.Open);
        Assert.False(Policy.Listed(chat));
        chat.MessageCount = 1;
        Assert.True(Policy.Listed(chat));
        Assert.Equal(1, Policy.InboxRow(Guid.NewGuid(), chat).MessageCount);
    }

    [Fact, Trait("Spec", "MRG-1")]
    public void MRG1_sealing_an_open_chat_closes_it_with_one_event_and_a_closed_one_stays_as_it_is()
    {
        var chat = Chat(ChatStatus.Open);
        var changes = Policy.Seal(chat, Guid.NewGuid(), Now);
        Assert.Equal(ChatStatus.Closed, chat.Status);
        Assert.IsType<ChatClosed>(Assert.Single(changes)(7));

        Assert.Empty(Policy.Seal(chat, Guid.NewGuid(), Now));
    }

    [Fact, Trait("Spec", "BIN-2")]
    public void BIN2_a_purged_chat_keeps_only_its_id_and_its_visitor_until_the_cleanup_is_done()
    {
        var chat = Chat(ChatStatus.Closed);
        chat.Tags = ["vip"];
        chat.Version = 9;

        var owing = Policy.Tombstone(chat, Now, cleanupDue: true);
        Assert.Equal((BinState.Purged, "p1", 9L, "visitor-1", true), (owing.Bin, owing.PropertyId, owing.Version, owing.VisitorId, owing.PurgeCleanupDue));
        Assert.Equal(("", 0L, ChatStatus.None), (owing.VisitorName, owing.MessageCount, owing.Status));
        Assert.Empty(owing.Tags);

        var done = Policy.Tombstone(owing, Now, cleanupDue: false);
        Assert.Equal(("", false, BinState.Purged), (done.VisitorId, done.PurgeCleanupDue, done.Bin));
    }

    [Fact, Trait("Spec", "VIS-5")]
    public void VIS5_the_visitors_message_is_the_chats_last_activity_and_an_agents_is_not()
    {
        var chat = Chat(ChatStatus.Open);
        Policy.OnMessageApplied(chat, Message(AuthorKind.Agent, Now));
        Assert.Null(chat.LastVisitorMessageAt);
        Policy.OnMessageApplied(chat, Message(AuthorKind.Visitor, Now));
        Assert.Equal(Now, chat.LastVisitorMessageAt);
    }

    private static ChatState Chat(ChatStatus status) =>
        new() { PropertyId = "p1", VisitorId = "visitor-1", VisitorName = "Ann", Status = status, CreatedAt = Now, UpdatedAt = Now };

    private static ConversationMessage Message(AuthorKind kind, DateTimeOffset at) =>
        new(1, "c1", kind, kind == AuthorKind.Visitor ? "visitor-1" : "agent-1", "Someone", "Hello", IsInternal: false, at, null);
}
