using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Tickets;
using Conversations.Hosting.Attachments;
using Conversations.Web.Access;
using Conversations.Web.Attachments;
using Conversations.Web.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Web.Tickets;

public static class TicketApi
{
    public static IEndpointRouteBuilder MapTicketApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPropertyGroup("/tickets").MapPost("", CreateAsync)
            .WithTags("Tickets").WithName("CreateTicket")
            .WithSummary("Opens a ticket (TIC-1): subject, requester email (required), name, visitor id, priority 1-5, first message. Repeating it with the same 'ticketId' and values returns the ticket.")
            .ProducesRefusals();

        var ticket = endpoints.MapPropertyGroup("/tickets/{ticketId:guid}").WithTags("Tickets");
        ticket.MapGet("", GetAsync).WithName("GetTicket")
            .WithSummary("A ticket's header: subject, requester, status, assignee, priority, tags, counters, version.");
        ticket.MapGet("/messages", GetMessagesAsync).WithName("GetTicketMessages")
            .WithSummary("Messages after a sequence number, oldest first (at most 'limit', 1-1000, default 100), whispers included.");
        ticket.MapPost("/replies", ReplyAsync).WithName("ReplyToTicket")
            .WithSummary("An agent reply (TIC-2); with 'status' it is Send & set status, one step (TIC-3). 'commandId' is an idempotency key.")
            .ProducesRefusals();
        ticket.MapPost("/status", SetStatusAsync).WithName("SetTicketStatus")
            .WithSummary("Open (1) ⇄ Pending (2) → Closed (3) (TIC-5). Closed is irreversible.")
            .ProducesRefusals();
        ticket.MapPost("/priority", SetPriorityAsync).WithName("SetTicketPriority")
            .WithSummary("Lowest (1) … Highest (5) (TIC-7).")
            .ProducesRefusals();

        endpoints.MapPropertyGroup("/tickets/{conversationId:guid}")
            .WithTags("Tickets")
            .MapConversationCommands<ITicketGrain>("Ticket");
        return endpoints;
    }

    private static async Task<Created<TicketView>> CreateAsync(string propertyId, CreateTicketRequest request, IClusterClient cluster)
    {
        var id = request.TicketId ?? Guid.NewGuid();
        if (id == Guid.Empty)
        {
            throw DomainException.Invalid("A ticket id cannot be the empty GUID.");
        }

        var view = await cluster.GetGrain<ITicketGrain>(id).CreateAsync(new CreateTicket(
            propertyId, request.Subject, new TicketRequester(request.RequesterVisitorId, request.RequesterName, request.RequesterEmail),
            request.Priority ?? TicketPriority.Medium, request.Text));
        return TypedResults.Created($"/api/v1/properties/{Uri.EscapeDataString(propertyId)}/tickets/{id}", view);
    }

    private static async Task<Ok<TicketView>> GetAsync(string propertyId, Guid ticketId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<ITicketGrain>(ticketId).GetAsync(propertyId));

    private static async Task<Ok<IReadOnlyList<ConversationMessage>>> GetMessagesAsync(
        string propertyId, Guid ticketId, IClusterClient cluster, long after = 0, int limit = 100) =>
        TypedResults.Ok(await cluster.GetGrain<ITicketGrain>(ticketId).GetMessagesAsync(propertyId, after, limit));

    private static async Task<Ok<MessageAck>> ReplyAsync(
        string propertyId, Guid ticketId, TicketReplyRequest request, HttpContext http, IClusterClient cluster, AttachmentUploads uploads)
    {
        var ticket = cluster.GetGrain<ITicketGrain>(ticketId);
        await ticket.GetAsync(propertyId); // 404 before looking at files, unless the ticket is in this property
        var attachments = await uploads.ResolveAsync(ticketId, request.AttachmentIds, http.RequestAborted);
        return TypedResults.Ok(await ticket.ReplyAsync(
            new ReplyToTicket(propertyId, request.CommandId, http.User.AgentId()!.Value.ToString(), http.User.AgentName(), request.Text, request.Status, attachments)));
    }

    private static async Task<Ok<TicketView>> SetStatusAsync(string propertyId, Guid ticketId, SetTicketStatusRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<ITicketGrain>(ticketId).SetStatusAsync(propertyId, request.Status));

    private static async Task<Ok<TicketView>> SetPriorityAsync(string propertyId, Guid ticketId, SetTicketPriorityRequest request, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<ITicketGrain>(ticketId).SetPriorityAsync(propertyId, request.Priority));
}
