using Orleans.Core.Internal;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Visitors;
using Conversations.Grains.Visitors;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class VisitorGrainTests(ClusterFixture fixture)
{
    private readonly string _property = "p-" + Guid.NewGuid().ToString("N")[..8];

    [Fact, Trait("Spec", "VIS-3"), Trait("Spec", "CHAT-5")]
    public async Task VIS3_recent_page_views_and_history_stay_bounded_while_older_page_views_are_read_from_the_table()
    {
        var visitor = Visitor("v-bounded");
        await visitor.RecordVisitAsync(new VisitorVisit("198.51.100.1", null, null));
        for (var i = 1; i <= VisitorGrain.RecentPageViews + 10; i++)
        {
            await visitor.RecordPageViewAsync(new PageView($"https://site.example/page/{i}", $"Page {i}", default));
        }

        for (var i = 0; i < VisitorGrain.HistoryLength + 5; i++)
        {
            var now = DateTimeOffset.UtcNow;
            await visitor.LinkConversationAsync(new ConversationLink(Guid.NewGuid(), ConversationKind.Ticket, "Open", now, now));
        }

        var views = await visitor.GetPageViewsAsync(long.MaxValue, 200);
        Assert.Equal(Enumerable.Range(1, 60).Reverse().Select(i => (long)i), views.Select(v => v.Sequence));
        Assert.Equal("https://site.example/page/60", views[0].Url);
        var older = await visitor.GetPageViewsAsync(15, 10);
        Assert.Equal((10, "Page 14", "Page 5"), (older.Count, older[0].Title, older[^1].Title));
        Assert.Equal(VisitorGrain.RecentPageViews + 10, (await visitor.GetAsync()).Sessions.PageViews);
        Assert.Equal(VisitorGrain.HistoryLength, (await visitor.GetHistoryAsync()).Count);
    }

    [Fact, Trait("Spec", "VIS-5")]
    public async Task VIS5_a_chat_linked_again_moves_to_the_top_and_adds_its_time_in_chat()
    {
        var visitor = Visitor("v-history");
        await visitor.RecordVisitAsync(new VisitorVisit(null, null, null));
        var chat = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow;
        await visitor.LinkConversationAsync(new ConversationLink(chat, ConversationKind.Chat, "Open", start, start));
        await visitor.LinkConversationAsync(new ConversationLink(Guid.NewGuid(), ConversationKind.Chat, "Open", start, start));
        await visitor.LinkConversationAsync(new ConversationLink(chat, ConversationKind.Chat, "Closed", start.AddMinutes(9), start.AddMinutes(5)));

        var history = await visitor.GetHistoryAsync();
        Assert.Equal(chat, history[0].ConversationId);
        Assert.Equal(("Closed", start), (history[0].Status, history[0].StartedAt));
        Assert.Equal(TimeSpan.FromMinutes(5), (await visitor.GetAsync()).Sessions.TimeInChat);
    }

    [Fact, Trait("Spec", "VIS-5")]
    public async Task VIS5_activity_on_a_known_chat_written_later_is_kept_when_the_visitor_grain_deactivates()
    {
        var visitor = Visitor("v-activity");
        await visitor.RecordVisitAsync(new VisitorVisit(null, null, null));
        var chat = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow;
        await visitor.LinkConversationAsync(new ConversationLink(chat, ConversationKind.Chat, "Open", start, start));
        await visitor.LinkConversationAsync(new ConversationLink(chat, ConversationKind.Chat, "Open", start, start.AddMinutes(3)));

        await visitor.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        Assert.Equal(TimeSpan.FromMinutes(3), (await visitor.GetAsync()).Sessions.TimeInChat);
    }

    [Fact, Trait("Spec", "VIS-1")]
    public async Task VIS1_a_visitor_that_never_visited_is_not_found_and_attributes_are_bounded()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Visitor("v-never").GetAsync());
        Assert.Equal(DomainErrorCode.NotFound, error.Code);

        var visitor = Visitor("v-attributes");
        await visitor.RecordVisitAsync(new VisitorVisit(null, null, null));
        for (var i = 0; i < VisitorGrain.MaxAttributes; i++)
        {
            await visitor.SetAttributeAsync(new VisitorAttribute($"a{i}", AttributeType.Number, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        await Assert.ThrowsAsync<DomainException>(() => visitor.SetAttributeAsync(new VisitorAttribute("one-more", AttributeType.Text, "x")));
        await visitor.SetAttributeAsync(new VisitorAttribute("A0", AttributeType.Bool, "true"));
        Assert.Equal(VisitorGrain.MaxAttributes, (await visitor.GetAsync()).Attributes.Count);
    }

    [Fact, Trait("Spec", "VIS-1"), Trait("Spec", "VIS-5")]
    public async Task VIS1_an_email_on_a_profile_is_held_by_that_visitor_until_changed_and_a_requester_then_gets_a_profile_of_their_own()
    {
        var visitor = Visitor("v-email");
        var (_, visitorId) = VisitorKey.Parse(visitor.GetPrimaryKeyString());
        await visitor.RecordVisitAsync(new VisitorVisit(null, null, null));
        var holds = (string email) => fixture.Client.GetGrain<IVisitorEmailGrain>(VisitorEmailKey.For(_property, email)).GetVisitorAsync();

        await visitor.UpdateAboutAsync(new UpdateVisitorAbout(null, " Kim@Example.com ", null, null, null, null));
        Assert.Equal(visitorId, await holds("kim@example.com"));
        Assert.Equal(visitorId, await EmailVisitors.FindOrCreateAsync(fixture.Client, _property, "KIM@example.com", "Someone"));
        Assert.Equal("kim@example.com", (await visitor.GetAsync()).About.Email);

        await visitor.UpdateAboutAsync(new UpdateVisitorAbout(null, "kim@work.example", null, null, null, null));
        Assert.Equal(((string?)null, visitorId), (await holds("kim@example.com"), await holds("kim@work.example")));

        var other = await EmailVisitors.FindOrCreateAsync(fixture.Client, _property, "kim@example.com", "Kim\u0007 Lee");
        Assert.NotEqual(visitorId, other);
        Assert.Equal(other, await EmailVisitors.FindOrCreateAsync(fixture.Client, _property, "Kim@Example.com", null));
        var profile = await fixture.Client.GetGrain<IVisitorGrain>(VisitorKey.For(_property, other)).GetAsync();
        Assert.Equal(("Kim Lee", "kim@example.com"), (profile.About.Name, profile.About.Email));
        Assert.Equal(other, await holds("kim@example.com"));
    }

    private IVisitorGrain Visitor(string visitorId) =>
        fixture.Client.GetGrain<IVisitorGrain>(VisitorKey.For(_property, visitorId + Guid.NewGuid().ToString("N")[..6]));
}
