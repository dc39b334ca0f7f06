using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Sla;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Sla;

public static class SlaApi
{
    public static IEndpointRouteBuilder MapSlaApi(this IEndpointRouteBuilder endpoints)
    {
        var sla = endpoints.MapPropertyGroup("/sla").WithTags("SLA").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        sla.MapGet("", GetSettingsAsync).WithName("GetSlaSettings").WithSummary("SLA policies per priority and business hours (SLA-1).");
        sla.MapPut("", SetSettingsAsync).WithName("SetSlaSettings").AdminOnly()
            .WithSummary("Sets SLA policies per priority (business minutes to first response, next response, resolution), business hours, time zone, holidays and the 'breaching soon' window (admins).");
        sla.MapGet("/conversations", ListAsync).WithName("ListSlaConversations")
            .WithSummary("Open conversations with their due times, soonest first; filter=breachingSoon or breached narrows them (SLA-1).");
        sla.MapGet("/conversations/{conversationId:guid}", GetAsync).WithName("GetSlaConversation")
            .WithSummary("One conversation's due times; 404 when no target runs for it.");
        return endpoints;
    }

    private static async Task<Ok<SlaSettings>> GetSettingsAsync(string propertyId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<ISlaGrain>(propertyId).GetSettingsAsync());

    private static async Task<Ok<SlaSettings>> SetSettingsAsync(string propertyId, SlaSettingsRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<ISlaGrain>(propertyId).SetSettingsAsync(new SlaSettings(
            request.Enabled, request.Hours ?? BusinessHours.AlwaysOpen, request.Policies ?? [], request.BreachingSoonMinutes)));

    private static async Task<Ok<IReadOnlyList<SlaStatus>>> ListAsync(string propertyId, IClusterClient cluster, SlaFilter? filter, int? max) =>
        TypedResults.Ok(await cluster.GetGrain<ISlaGrain>(propertyId).ListAsync(filter ?? SlaFilter.All, max ?? 200));

    private static async Task<Ok<SlaStatus>> GetAsync(string propertyId, Guid conversationId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<ISlaGrain>(propertyId).GetAsync(conversationId) ?? throw DomainException.NotFound("An SLA of this conversation"));
}
