using Conversations.Grains.Interfaces.Collision;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Realtime;

/// <summary>COL-1 over REST: who views and who replies in the property's conversations now (the hub sends each change as "watchers").</summary>
public static class WatchersApi
{
    public static IEndpointRouteBuilder MapWatchersApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPropertyGroup("/watchers").WithTags("Collision")
            .MapGet("", GetAsync).WithName("GetWatchers")
            .WithSummary("Every conversation of the property that agents have open now, with who views and who writes a reply (COL-1); nothing is stored.");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<WatchersChanged>>> GetAsync(string propertyId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IWatchersGrain>(propertyId).GetAsync());
}
