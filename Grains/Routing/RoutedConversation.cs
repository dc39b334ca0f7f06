using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Routing;

/// <summary>An open conversation the router follows: what it needs to count capacities, keep the queue and pass on unanswered chats.</summary>
[GenerateSerializer, Alias("Conversations.RoutedConversation")]
public sealed class RoutedConversation
{
    [Id(0)] public ConversationKind Kind { get; set; }
    [Id(1)] public RoutingStage Stage { get; set; }

    /// <summary>The conversation's last version the router took in: events at or below it are repeats.</summary>
    [Id(2)] public long Version { get; set; }

    /// <summary>Order in the queue (first come, first served); an unassigned conversation keeps its number, so it goes back to the front.</summary>
    [Id(3)] public long QueueNumber { get; set; }

    /// <summary>The department (skill) it needs, when it was handed to one.</summary>
    [Id(4)] public Guid? Department { get; set; }

    [Id(5)] public Guid? Agent { get; set; }
    [Id(6)] public DateTimeOffset? AssignedAt { get; set; }

    /// <summary>An agent wrote to the visitor since the assignment.</summary>
    [Id(7)] public bool Answered { get; set; }

    /// <summary>The agent it was taken from for not answering: the next pick avoids them while someone else has room.</summary>
    [Id(8)] public Guid? PassedOver { get; set; }

    [Id(9)] public DateTimeOffset StartedAt { get; set; }
}
