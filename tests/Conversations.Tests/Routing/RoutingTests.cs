using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Properties;
using Conversations.Grains.Interfaces.Routing;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Tests.Infrastructure;

namespace Conversations.Tests.Routing;

/// <summary>RTE-1 through the grains on a real silo: round robin up to capacity, the queue and its places, passing on unanswered chats, departments.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RoutingTests(ClusterFixture fixture)
{
    private readonly string _property = "rt-" + Guid.NewGuid().ToString("N")[..8];

    private IClusterClient Client => fixture.Client;

    private IRoutingGrain Router => Client.GetGrain<IRoutingGrain>(_property);

    [Fact, Trait("Spec", "RTE-1")]
    public async Task RTE1_new_chats_go_round_robin_up_to_each_agents_capacity_and_the_rest_wait_in_order()
    {
        var a = await Routed.OnlineAgentAsync(Client, _property);
        var b = await Routed.OnlineAgentAsync(Client, _property);
        await Router.SetSettingsAsync(new RoutingSettings(true, 2, 5, 0, []));

        var chats = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            chats.Add(await Routed.ChatWithMessageAsync(Client, _property));
        }

        var view = await Routed.EventuallyAsync(Router.GetAsync, v => v.Waiting == 2 && v.Agents.Sum(x => x.Chats) == 4, "4 chats assigned and 2 waiting");
        Assert.All(view.Agents, agent => Assert.Equal(2, agent.Chats));
        var assignees = await Task.WhenAll(chats.Select(c => Routed.AssigneeAsync(Client, _property, c)));
        Assert.Equal(2, assignees.Count(x => x == a));
        Assert.Equal(2, assignees.Count(x => x == b));
        Assert.Null(assignees[4]);
        Assert.Null(assignees[5]);
        Assert.Equal(1, await Router.GetQueuePlaceAsync(chats[4]));
        Assert.Equal(2, await Router.GetQueuePlaceAsync(chats[5]));
        Assert.Equal(0, await Router.GetQueuePlaceAsync(chats[0]));

        // A closed chat frees a place: the first in the queue gets it, the second moves up.
        await Client.GetGrain<IChatGrain>(chats[0]).CloseAsync(_property);
        await Routed.EventuallyAsync(() => Routed.AssigneeAsync(Client, _property, chats[4]), x => x == assignees[0], "the first waiting chat to be assigned");
        Assert.Equal(1, await Router.GetQueuePlaceAsync(chats[5]));
        Assert.Null(await Routed.AssigneeAsync(Client, _property, chats[5]));
    }

    [Fact, Trait("Spec", "RTE-1")]
    public async Task RTE1_an_agent_coming_online_takes_from_the_queue_and_an_agent_capacity_of_their_own_counts()
    {
        await Client.GetGrain<IPropertyGrain>(_property).CreateAsync("Routing test", null);
        await Router.SetSettingsAsync(new RoutingSettings(true, 1, 1, 0, []));
        var waiting = await Routed.ChatWithMessageAsync(Client, _property);
        var second = await Routed.ChatWithMessageAsync(Client, _property);
        await Routed.EventuallyAsync(Router.GetAsync, v => v.Waiting == 2, "two chats waiting with nobody online");

        var agent = await PropertyTeam.NewAgentAsync(Client, _property);
        await Router.SetCapacityAsync(agent.Id, 2, 0);
        await Client.GetGrain<Grains.Interfaces.Agents.IAgentGrain>(agent.Id).ConnectedAsync("console-1");

        await Routed.EventuallyAsync(() => Routed.AssigneeAsync(Client, _property, second), x => x == agent.Id, "the agent who came online to take both chats");
        Assert.Equal(agent.Id, await Routed.AssigneeAsync(Client, _property, waiting));
        var load = (await Router.GetAsync()).Agents.Single(x => x.AgentId == agent.Id);
        Assert.Equal((true, 2, 2, 0), (load.Online, load.Chats, load.ChatCapacity, load.TicketCapacity));
        var refused = await Assert.ThrowsAsync<DomainException>(() => Router.SetCapacityAsync(Guid.NewGuid(), 1, 1));
        Assert.Equal(DomainErrorCode.Invalid, refused.Code);
        var tooMany = await Assert.ThrowsAsync<DomainException>(() => Router.SetCapacityAsync(agent.Id, RoutingSettings.MaxCapacity + 1, 1));
        Assert.Equal(DomainErrorCode.Invalid, tooMany.Code);
    }

    [Fact, Trait("Spec", "RTE-1")]
    public async Task RTE1_a_chat_not_answered_in_time_goes_to_the_next_agent_and_an_answered_one_stays()
    {
        var a = await Routed.OnlineAgentAsync(Client, _property);
        var b = await Routed.OnlineAgentAsync(Client, _property);
        await Router.SetSettingsAsync(new RoutingSettings(true, 5, 5, RoutingSettings.MinReassignAfterSeconds, []));

        var unanswered = await Routed.ChatWithMessageAsync(Client, _property);
        var first = await Routed.EventuallyAsync(() => Routed.AssigneeAsync(Client, _property, unanswered), x => x is not null, "the chat to be assigned");
        var answered = await Routed.ChatWithMessageAsync(Client, _property);
        var second = await Routed.EventuallyAsync(() => Routed.AssigneeAsync(Client, _property, answered), x => x is not null, "the second chat to be assigned");
        Assert.NotEqual(first, second);
        await Routed.AgentReplyAsync(Client, _property, answered, second!.Value);

        var next = await Routed.EventuallyAsync(() => Routed.AssigneeAsync(Client, _property, unanswered), x => x != first, "the unanswered chat to be passed on",
            TimeSpan.FromSeconds(RoutingSettings.MinReassignAfterSeconds + 15));
        Assert.Equal(first == a ? b : a, next);
        Assert.Equal(second, await Routed.AssigneeAsync(Client, _property, answered));
    }

    [Fact, Trait("Spec", "RTE-1")]
    public async Task RTE1_a_chat_handed_to_a_department_goes_to_an_online_member_and_a_manual_department_keeps_it()
    {
        var outsider = await Routed.OnlineAgentAsync(Client, _property);
        var member = await Routed.OnlineAgentAsync(Client, _property);
        var routed = await PropertyTeam.NewDepartmentAsync(Client, _property, member);
        var manual = await PropertyTeam.NewDepartmentAsync(Client, _property, member);
        await Router.SetSettingsAsync(new RoutingSettings(true, 10, 10, 0, [manual]));

        var chat = await Routed.ChatWithMessageAsync(Client, _property);
        await Routed.EventuallyAsync(() => Routed.AssigneeAsync(Client, _property, chat), x => x is not null, "the chat to be assigned");
        await Client.GetGrain<IChatGrain>(chat).AssignAsync(new AssignConversation(_property, AssigneeKind.Department, routed.ToString()));
        await Routed.EventuallyAsync(() => Routed.AssigneeAsync(Client, _property, chat), x => x == member, "the department's member to get the chat");

        var kept = await Routed.ChatWithMessageAsync(Client, _property);
        await Routed.EventuallyAsync(() => Routed.AssigneeAsync(Client, _property, kept), x => x is not null, "the second chat to be assigned");
        await Client.GetGrain<IChatGrain>(kept).AssignAsync(new AssignConversation(_property, AssigneeKind.Department, manual.ToString()));
        await Task.Delay(1000);
        Assert.Equal(AssigneeKind.Department, (await Client.GetGrain<IChatGrain>(kept).GetAsync(_property)).Assignee?.Kind);
        Assert.NotEqual(Guid.Empty, outsider);
    }

    [Fact, Trait("Spec", "RTE-1")]
    public async Task RTE1_tickets_count_against_the_ticket_capacity_and_routing_off_assigns_nothing()
    {
        var agent = await Routed.OnlineAgentAsync(Client, _property);
        var ticket = Client.GetGrain<ITicketGrain>(Guid.NewGuid());
        await ticket.CreateAsync(new CreateTicket(_property, "Before routing", new TicketRequester(null, "Ann", "ann@example.com"), TicketPriority.Medium, "Help"));
        await Task.Delay(500);
        Assert.Null((await ticket.GetAsync(_property)).Assignee);

        await Router.SetSettingsAsync(new RoutingSettings(true, 0, 1, 0, []));
        var first = Client.GetGrain<ITicketGrain>(Guid.NewGuid());
        var second = Client.GetGrain<ITicketGrain>(Guid.NewGuid());
        await first.CreateAsync(new CreateTicket(_property, "One", new TicketRequester(null, "Ann", "ann@example.com"), TicketPriority.High, "Help"));
        await second.CreateAsync(new CreateTicket(_property, "Two", new TicketRequester(null, "Bo", "bo@example.com"), TicketPriority.High, "Help"));

        await Routed.EventuallyAsync(async () => (await first.GetAsync(_property)).Assignee?.Id, x => x == agent.ToString(), "the first ticket to be assigned");
        var view = await Routed.EventuallyAsync(Router.GetAsync, v => v.Waiting == 1, "the second ticket to wait");
        Assert.Null((await second.GetAsync(_property)).Assignee);
        Assert.Equal((0, 1), (view.Agents.Single().Chats, view.Agents.Single().Tickets));

        // A chat finds no room: the agent's chat capacity is 0.
        var chat = await Routed.ChatWithMessageAsync(Client, _property);
        await Routed.EventuallyAsync(Router.GetAsync, v => v.Waiting == 2, "the chat to wait");
        Assert.Null(await Routed.AssigneeAsync(Client, _property, chat));

        await Router.SetSettingsAsync(RoutingSettings.Off);
        Assert.Equal(0, (await Router.GetAsync()).Waiting);
        var bad = await Assert.ThrowsAsync<DomainException>(() => Router.SetSettingsAsync(new RoutingSettings(true, 1, 1, 3, [])));
        Assert.Equal(DomainErrorCode.Invalid, bad.Code);
    }
}
