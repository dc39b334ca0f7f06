using Conversations.Grains.Interfaces.Audit;
using Conversations.Grains.Interfaces.Common;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Audit;

/// <summary>The audit log (AUD-1): admins read it; no route changes or deletes an entry.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapPropertyGroup("/audit").WithTags("Audit");
        audit.MapGet("", QueryAsync).WithName("QueryAuditLog").AdminOnly()
            .WithSummary("Agents' and admins' actions, newest first, filtered by actor (agent id), action (e.g. conversation.assigned), target (id) and period from/to; " +
                "limit 1-200 (50); 'continuation' from the previous page (admins).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    private static async Task<Ok<AuditPage>> QueryAsync(
        string propertyId, IClusterClient cluster, string? actor = null, string? action = null, string? target = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = 50, string? continuation = null) =>
        TypedResults.Ok(await cluster.GetGrain<IAuditLogGrain>(0).QueryAsync(new AuditQuery(
            propertyId, Value(actor, "actor"), Value(action, "action"), Value(target, "target"), from, to, limit, Value(continuation, "continuation", 1024))));

    private static string? Value(string? text, string name, int maxLength = 256) =>
        string.IsNullOrWhiteSpace(text) ? null
        : text.Trim() is var trimmed && trimmed.Length <= maxLength && !trimmed.Any(char.IsControl) ? trimmed
        : throw DomainException.Invalid($"'{name}' is at most {maxLength} characters, without control characters.");
}
