using Orleans.Streams;
using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class ChatPipelineTests(ClusterFixture fixture)
{
    private readonly string _property = "p-" + Guid.NewGuid().ToString("N")[..8];

    [Fact, Trait("Spec", "X-1")]
    public async Task X1_a_posted_message_is_stored_and_read_back_in_order()
    {
        var chat = await StartChatAsync("visitor-1");

        var first = await chat.PostMessageAsync(VisitorMessage("c1", "Hello", "visitor-1"));
        var second = await chat.PostMessageAsync(VisitorMessage("c2", "Anyone there?", "visitor-1"));

        Assert.Equal((1, 2), (first.Sequence, second.Sequence));
        Assert.True(second.Version > first.Version);
        var messages = await chat.GetMessagesAsync(_property, 0, 100);
        Assert.Equal(["Hello", "Anyone there?"], messages.Select(m => m.Text));
        Assert.Equal(2, (await chat.GetAsync(_property)).MessageCount);
    }

    [Fact, Trait("Spec", "X-1")]
    public async Task X1_the_same_command_sent_three_times_at_once_is_stored_once()
    {
        var chat = await StartChatAsync("visitor-2");
        var command = VisitorMessage("retry-1", "only once", "visitor-2");

        var acks = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => chat.PostMessageAsync(command)));

        Assert.Single(acks.Distinct());
        var messages = await chat.GetMessagesAsync(_property, 0, 100);
        Assert.Single(messages);
    }

    [Fact, Trait("Spec", "ADM-4")]
    public async Task ADM4_a_chat_read_through_another_property_is_not_found()
    {
        var chat = await StartChatAsync("visitor-3");

        var error = await Assert.ThrowsAsync<DomainException>(() => chat.GetAsync("another-property"));

        Assert.Equal(DomainErrorCode.NotFound, error.Code);
        await Assert.ThrowsAsync<DomainException>(() => chat.PostMessageAsync(
            new PostMessage("another-property", "x", AuthorKind.Agent, "a", "A", "hi")));
    }

    [Fact, Trait("Spec", "X-3")]
    public async Task X3_a_stored_message_is_published_on_the_property_stream_with_its_version()
    {
        var received = new TaskCompletionSource<MessagePosted>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Client.GetStreamProvider(ConversationsNames.StreamProvider)
            .GetStream<ConversationEvent>(StreamTopics.Property(_property));
        var subscription = await stream.SubscribeAsync((evt, _) =>
        {
            if (evt is MessagePosted posted)
            {
                received.TrySetResult(posted);
            }

            return Task.CompletedTask;
        });

        var chat = await StartChatAsync("visitor-4");
        var ack = await chat.PostMessageAsync(VisitorMessage("c1", "streamed", "visitor-4"));

        var evt = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(("streamed", ack.Version), (evt.Message.Text, evt.Version));
        await subscription.UnsubscribeAsync();
    }

    private async Task<IChatGrain> StartChatAsync(string visitorId)
    {
        var chat = fixture.Client.GetGrain<IChatGrain>(Guid.NewGuid());
        await chat.StartAsync(new StartChat(_property, visitorId, "Ann"));
        return chat;
    }

    private PostMessage VisitorMessage(string commandId, string text, string visitorId) =>
        new(_property, commandId, AuthorKind.Visitor, visitorId, "Ann", text);
}
