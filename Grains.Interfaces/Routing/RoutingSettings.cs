namespace Conversations.Grains.Interfaces.Routing;

/// <summary>
/// RTE-1: how a property's new chats and tickets are assigned. Off by default. Capacities are per agent (<see cref="AgentCapacity"/>),
/// these are the defaults of agents without their own. Departments are the skills: a conversation assigned to a department goes to
/// one of its online members, unless the department is in <see cref="ManualDepartments"/> (its members pick conversations up themselves).
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.RoutingSettings")]
public sealed record RoutingSettings(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] int DefaultChatCapacity,
    [property: Id(2)] int DefaultTicketCapacity,
    [property: Id(3)] int ReassignAfterSeconds,
    [property: Id(4)] IReadOnlyList<Guid> ManualDepartments)
{
    public const int MaxCapacity = 100;

    /// <summary>The shortest wait before an unanswered chat goes to the next agent (0 turns reassignment off).</summary>
    public const int MinReassignAfterSeconds = 10;

    public const int MaxReassignAfterSeconds = 24 * 3600;

    public static RoutingSettings Off { get; } = new(false, 3, 10, 0, []);
}
