using Conversations.Grains.Interfaces.KnowledgeBase;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.KnowledgeBase;

/// <summary>Shortcuts (canned replies) of a property (KB-3).</summary>
public static class ShortcutApi
{
    public static IEndpointRouteBuilder MapShortcutApi(this IEndpointRouteBuilder endpoints)
    {
        var shortcuts = endpoints.MapPropertyGroup("/shortcuts")
            .WithTags("Shortcuts")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        shortcuts.MapGet("", ListAsync).WithName("ListShortcuts")
            .WithSummary("All shortcuts by name, or with q those whose name or message contains q (names first; limit 1-50).");
        shortcuts.MapPost("", CreateAsync).WithName("CreateShortcut")
            .WithSummary("Adds a shortcut: name ^[a-z0-9][a-z0-9_-]{0,31}$, message up to 4000 characters.");
        shortcuts.MapGet("/{name}", ExpandAsync).WithName("ExpandShortcut").WithSummary("The shortcut named exactly 'name' (what /name expands to).");
        shortcuts.MapPut("/{name}", UpdateAsync).WithName("UpdateShortcut").WithSummary("Changes a shortcut's message and, optionally, its name.");
        shortcuts.MapDelete("/{name}", DeleteAsync).WithName("DeleteShortcut").WithSummary("Deletes a shortcut.");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<Shortcut>>> ListAsync(string propertyId, IClusterClient cluster, string? q, int limit = 20)
    {
        var grain = cluster.GetGrain<IShortcutsGrain>(propertyId);
        return TypedResults.Ok(string.IsNullOrWhiteSpace(q) ? await grain.ListAsync() : await grain.SearchAsync(q, limit));
    }

    private static async Task<Created<Shortcut>> CreateAsync(string propertyId, ShortcutInput input, IClusterClient cluster)
    {
        var created = await cluster.GetGrain<IShortcutsGrain>(propertyId).CreateAsync(input);
        return TypedResults.Created($"/api/v1/properties/{propertyId}/shortcuts/{created.Name}", created);
    }

    private static async Task<Ok<Shortcut>> ExpandAsync(string propertyId, string name, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IShortcutsGrain>(propertyId).ExpandAsync(name));

    private static async Task<Ok<Shortcut>> UpdateAsync(string propertyId, string name, ShortcutInput input, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IShortcutsGrain>(propertyId).UpdateAsync(name, input));

    private static async Task<NoContent> DeleteAsync(string propertyId, string name, IClusterClient cluster)
    {
        await cluster.GetGrain<IShortcutsGrain>(propertyId).DeleteAsync(name);
        return TypedResults.NoContent();
    }
}
