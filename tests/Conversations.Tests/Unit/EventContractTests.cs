using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Interfaces.Tickets;

namespace Conversations.Tests.Unit;

public sealed class EventContractTests
{
    private static readonly Type[] EventTypes = typeof(ConversationEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ConversationEvent)) && !t.IsAbstract)
        .ToArray();

    [Fact, Trait("Spec", "X-3"), Trait("Spec", "INB-6")]
    public void X3_every_event_type_is_registered_for_json_so_hubs_can_send_it()
    {
        var registered = typeof(ConversationEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToHashSet();

        Assert.True(EventTypes.Length >= 11);
        Assert.All(EventTypes, t => Assert.Contains(t, registered));
    }

    [Fact, Trait("Spec", "TIC-4")]
    public void TIC4_only_events_a_visitor_may_see_are_visible_to_visitors()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.False(new TagsChanged("p", Guid.Empty, 1, at, ["vip"]).VisibleToVisitor);
        Assert.False(new BinChanged("p", Guid.Empty, 1, at, BinState.Trashed).VisibleToVisitor);
        Assert.False(new ConversationAssigned("p", Guid.Empty, 1, at, new ConversationAssignee(AssigneeKind.Agent, "a")).VisibleToVisitor);
        Assert.True(new ChatClosed("p", Guid.Empty, 1, at).VisibleToVisitor);
    }

    [Fact, Trait("Spec", "X-3")]
    public void X3_an_event_serialised_as_the_base_type_carries_its_type_name()
    {
        ConversationEvent evt = new TicketStatusChanged("p", Guid.Empty, 7, DateTimeOffset.UnixEpoch, TicketStatus.Pending);

        var json = JsonSerializer.SerializeToElement(evt, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Equal(("ticketStatusChanged", 7, 2), (json.GetProperty("type").GetString(), json.GetProperty("version").GetInt32(), json.GetProperty("status").GetInt32()));
    }
}
