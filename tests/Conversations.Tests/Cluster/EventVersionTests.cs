using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class EventVersionTests(ClusterFixture fixture)
{
    private readonly string _property = "p-" + Guid.NewGuid().ToString("N")[..8];

    [Fact, Trait("Spec", "INB-6")]
    public async Task INB6_every_change_of_a_chat_publishes_one_event_with_the_next_version()
    {
        var chatId = Guid.NewGuid();
        await using var events = await EventRecorder.StartAsync(fixture.Client, _property);
        var chat = fixture.Client.GetGrain<IChatGrain>(chatId);

        await chat.StartAsync(new StartChat(_property, "visitor-1", "Ann"));
        await chat.PostMessageAsync(new PostMessage(_property, "c1", AuthorKind.Visitor, "visitor-1", "", "hi"));
        await chat.WhisperAsync(new PostWhisper(_property, "w1", "agent-1", "Bo", "note"));
        await chat.ChangeTagsAsync(new ChangeTags(_property, ["vip"], null));
        await chat.ChangeTagsAsync(new ChangeTags(_property, ["vip"], null));
        await chat.CloseAsync(_property);
        await chat.CloseAsync(_property);
        await chat.RateAsync(new RateChat(_property, "visitor-1", ChatRatingValue.Good, null));
        await chat.ConvertToTicketAsync(new ConvertChatToTicket(_property, "ann@example.com", null));
        await chat.TrashAsync(_property);
        await chat.RestoreAsync(_property);
        await chat.TrashAsync(_property);
        await chat.PurgeAsync(_property);

        var received = await events.WaitForAsync(11, e => e.ConversationId == chatId);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), received.Select(e => e.Version));
        Assert.Equal(
            [typeof(ChatStarted), typeof(MessagePosted), typeof(MessagePosted), typeof(TagsChanged), typeof(ChatClosed), typeof(ChatRated),
             typeof(ChatConvertedToTicket), typeof(BinChanged), typeof(BinChanged), typeof(BinChanged), typeof(BinChanged)],
            received.Select(e => e.GetType()));
        Assert.Equal(BinState.Purged, ((BinChanged)received[^1]).Bin);
    }
}
