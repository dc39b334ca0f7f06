using Conversations.Grains.Interfaces.Email;
using Conversations.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Email;

public static class EmailApi
{
    public static IEndpointRouteBuilder MapEmailApi(this IEndpointRouteBuilder endpoints)
    {
        var email = endpoints.MapPropertyGroup("/email").WithTags("Email");
        email.MapGet("/outbox", ListOutboxAsync).WithName("ListEmailOutbox").AdminOnly()
            .WithSummary("The property's latest dead-lettered emails, newest first (state=dead; admins).");
        return endpoints.MapAttachmentApi();
    }

    private static async Task<Results<Ok<IReadOnlyList<OutboxEmail>>, ValidationProblem>> ListOutboxAsync(
        string propertyId, string? state, IClusterClient cluster)
    {
        if (state is not (null or "dead"))
        {
            // Pending emails live in each ticket's own outbox; only the dead letters are gathered per property.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["Only state=dead is listed."] });
        }

        return TypedResults.Ok(await cluster.GetGrain<IEmailDeadLettersGrain>(propertyId).ListAsync());
    }
}
