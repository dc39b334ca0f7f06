using Conversations.Grains.Interfaces.Visitors;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Visitors;

/// <summary>The property's ban list (CHAT-4): everyone sees it, admins change it.</summary>
public static class BanApi
{
    public static IEndpointRouteBuilder MapBanApi(this IEndpointRouteBuilder endpoints)
    {
        var bans = endpoints.MapPropertyGroup("/bans").WithTags("Visitors");

        bans.MapGet("", ListAsync).WithName("ListBans").WithSummary("Banned visitors (and IPs), newest first.");
        bans.MapPost("", BanAsync).WithName("BanVisitor").AdminOnly()
            .WithSummary("Bans a visitor by id and optionally by IP, with a reason (admins); they cannot start chats.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        bans.MapDelete("/{visitorId}", UnbanAsync).WithName("UnbanVisitor").AdminOnly().WithSummary("Lifts a visitor's ban (admins).");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<VisitorBan>>> ListAsync(string propertyId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IBanListGrain>(propertyId).ListAsync());

    private static async Task<Ok<VisitorBan>> BanAsync(string propertyId, BanRequest request, HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IBanListGrain>(propertyId).BanAsync(
            new BanVisitor(request.VisitorId ?? "", request.Ip, request.Reason, http.User.AgentName())));

    private static async Task<NoContent> UnbanAsync(string propertyId, string visitorId, IClusterClient cluster)
    {
        await cluster.GetGrain<IBanListGrain>(propertyId).UnbanAsync(visitorId);
        return TypedResults.NoContent();
    }
}
