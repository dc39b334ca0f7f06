namespace Conversations.Grains.Routing;

/// <summary>The moves of a routed conversation between stages; anything else is a bug in the router, not bad input.</summary>
public static class RoutingTransitions
{
    private static readonly HashSet<(RoutingStage From, RoutingStage To)> Allowed =
    [
        (RoutingStage.Started, RoutingStage.Waiting),   // the visitor's first message
        (RoutingStage.Started, RoutingStage.Assigned),  // an agent picked it up before that
        (RoutingStage.Waiting, RoutingStage.Assigned),  // routed, or picked up by hand
        (RoutingStage.Assigned, RoutingStage.Assigned), // handed over, or passed on for lack of an answer
        (RoutingStage.Assigned, RoutingStage.Waiting),  // unassigned, or handed to a routed department
        (RoutingStage.Waiting, RoutingStage.Waiting),   // handed to another department while waiting
    ];

    public static bool Check(RoutingStage from, RoutingStage to) => Allowed.Contains((from, to));

    public static void Move(RoutedConversation conversation, RoutingStage to)
    {
        if (!Check(conversation.Stage, to))
        {
            throw new InvalidOperationException($"A routed conversation cannot move from {conversation.Stage} to {to}.");
        }

        conversation.Stage = to;
    }
}
