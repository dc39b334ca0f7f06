using Conversations.Grains.Interfaces.Routing;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Routing;

public static class RoutingApi
{
    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder endpoints)
    {
        var routing = endpoints.MapPropertyGroup("/routing").WithTags("Routing")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        routing.MapGet("", GetAsync).WithName("GetRouting")
            .WithSummary("Auto-assignment (RTE-1): settings, each agent's load against their capacity and presence, and how many conversations wait.");
        routing.MapPut("", SetSettingsAsync).WithName("SetRouting").AdminOnly()
            .WithSummary("Turns auto-assignment on or off and sets default capacities, the wait before an unanswered chat goes to the next agent, and manual departments (admins).");
        routing.MapPut("/agents/{agentId:guid}", SetCapacityAsync).WithName("SetAgentCapacity").AdminOnly()
            .WithSummary("Sets one agent's chat and ticket capacities; both null returns them to the defaults (admins).");
        return endpoints;
    }

    private static async Task<Ok<RoutingView>> GetAsync(string propertyId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IRoutingGrain>(propertyId).GetAsync());

    private static async Task<Ok<RoutingView>> SetSettingsAsync(string propertyId, RoutingSettingsRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IRoutingGrain>(propertyId).SetSettingsAsync(new RoutingSettings(
            request.Enabled, request.DefaultChatCapacity, request.DefaultTicketCapacity, request.ReassignAfterSeconds, request.ManualDepartments ?? [])));

    private static async Task<Ok<RoutingView>> SetCapacityAsync(string propertyId, Guid agentId, AgentCapacityRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IRoutingGrain>(propertyId).SetCapacityAsync(agentId, request.Chats, request.Tickets));
}
