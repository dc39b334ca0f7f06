using Conversations.Grains.Interfaces.Merging;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Web.Access;
using Conversations.Web.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Merging;

/// <summary>Merge and split (MRG-1): the ticket of the route survives a merge, or gives the messages a split moves out.</summary>
public static class MergeApi
{
    public static IEndpointRouteBuilder MapMergeApi(this IEndpointRouteBuilder endpoints)
    {
        var ticket = endpoints.MapPropertyGroup("/tickets/{ticketId:guid}").WithTags("Tickets");
        ticket.MapPost("/merge", MergeAsync).WithName("MergeIntoTicket")
            .WithSummary("Merges tickets or chats of this property into this ticket (MRG-1): messages interleaved by time, tags united, each source closed and "
                + "left as a read-only link here. A closed ticket can be merged in (it stays closed) but cannot take a merge (409). 'mergeId' is an idempotency key.")
            .ProducesRefusals();
        ticket.MapPost("/split", SplitAsync).WithName("SplitTicket")
            .WithSummary("Moves the chosen messages (by sequence) out into a new ticket, linked both ways (MRG-1); answers the new ticket. 'splitId' is an idempotency key.")
            .ProducesRefusals();
        return endpoints;
    }

    private static async Task<Ok<MergeResult>> MergeAsync(string propertyId, Guid ticketId, MergeRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<ITicketGrain>(ticketId).MergeAsync(new MergeIntoTicket(propertyId, request.MergeId, request.SourceIds ?? [])));

    private static async Task<Ok<TicketView>> SplitAsync(string propertyId, Guid ticketId, SplitRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<ITicketGrain>(ticketId).SplitAsync(new SplitTicket(propertyId, request.SplitId, request.Sequences ?? [], request.Subject)));
}
