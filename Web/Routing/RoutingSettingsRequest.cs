namespace Conversations.Web.Routing;

/// <summary>RTE-1 settings: on/off, default capacities, seconds before an unanswered chat goes to the next agent (0 = never), manual departments.</summary>
public sealed record RoutingSettingsRequest(
    bool Enabled,
    int DefaultChatCapacity,
    int DefaultTicketCapacity,
    int ReassignAfterSeconds,
    IReadOnlyList<Guid>? ManualDepartments);
