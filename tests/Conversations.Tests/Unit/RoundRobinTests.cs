using Conversations.Grains.Routing;

namespace Conversations.Tests.Unit;

/// <summary>RTE-1: the next agent after the last one, among those with room; one who let a chat wait only when nobody else can.</summary>
[Trait("Spec", "RTE-1")]
public sealed class RoundRobinTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    [Fact]
    public void RTE1_agents_take_turns_in_a_fixed_order()
    {
        var picks = new List<Guid>();
        Guid? last = null;
        for (var i = 0; i < 6; i++)
        {
            last = RoundRobin.Next([C, A, B], last, _ => true);
            picks.Add(last!.Value);
        }

        Assert.Equal([A, B, C, A, B, C], picks);
    }

    [Fact]
    public void RTE1_an_agent_without_room_is_skipped_and_nobody_with_room_means_nobody()
    {
        Assert.Equal(C, RoundRobin.Next([A, B, C], A, id => id != B));
        Assert.Null(RoundRobin.Next([A, B, C], A, _ => false));
        Assert.Null(RoundRobin.Next([], null, _ => true));
    }

    [Fact]
    public void RTE1_the_last_agent_gone_offline_does_not_stop_the_turns()
    {
        // The last agent is no candidate any more: the next in order after their id takes it.
        Assert.Equal(C, RoundRobin.Next([A, C], B, _ => true));
        Assert.Equal(A, RoundRobin.Next([A, B], C, _ => true));
    }

    [Fact]
    public void RTE1_an_agent_to_avoid_is_taken_only_when_nobody_else_has_room()
    {
        Assert.Equal(C, RoundRobin.Next([A, B, C], A, _ => true, avoid: B));
        Assert.Equal(B, RoundRobin.Next([A, B, C], A, id => id == B, avoid: B));
    }

    [Fact]
    public void RTE1_routing_stages_move_only_along_the_table()
    {
        var conversation = new RoutedConversation { Stage = RoutingStage.Started };
        RoutingTransitions.Move(conversation, RoutingStage.Waiting);
        RoutingTransitions.Move(conversation, RoutingStage.Assigned);
        RoutingTransitions.Move(conversation, RoutingStage.Assigned);
        RoutingTransitions.Move(conversation, RoutingStage.Waiting);

        Assert.False(RoutingTransitions.Check(RoutingStage.Waiting, RoutingStage.Started));
        Assert.False(RoutingTransitions.Check(RoutingStage.Assigned, RoutingStage.Started));
        Assert.Throws<InvalidOperationException>(() => RoutingTransitions.Move(conversation, RoutingStage.Started));
    }
}
