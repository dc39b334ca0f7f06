using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Merging;

namespace Conversations.Grains.Interfaces.Tickets;

/// <summary>An email ticket (TIC-1..9), keyed by its id. Every read and command names the property it belongs to.</summary>
[Alias("Conversations.ITicketGrain")]
public interface ITicketGrain : IConversationGrain
{
    [Alias("Create")]
    Task<TicketView> CreateAsync(CreateTicket command);

    [Alias("CreateFromChat")]
    Task<TicketView> CreateFromChatAsync(CreateTicketFromChat command);

    [Alias("Get")]
    Task<TicketView> GetAsync(string propertyId);

    /// <summary>A message from the requester (for example their email answer) or an agent.</summary>
    [Alias("PostMessage")]
    Task<MessageAck> PostMessageAsync(PostMessage command);

    [Alias("Reply")]
    Task<MessageAck> ReplyAsync(ReplyToTicket command);

    /// <summary>Open ⇄ Pending → Closed (TIC-5). Closed is irreversible; setting the current status is harmless.</summary>
    [Alias("SetStatus")]
    Task<TicketView> SetStatusAsync(string propertyId, TicketStatus status);

    /// <summary>TIC-5: a closed ticket learns the ticket that follows it up, so both show the link (the latest follow-up is kept).</summary>
    [Alias("LinkFollowUp")]
    Task LinkFollowUpAsync(string propertyId, Guid followUpTicketId);

    [Alias("SetPriority")]
    Task<TicketView> SetPriorityAsync(string propertyId, TicketPriority priority);

    /// <summary>
    /// MRG-1: takes the sources (tickets or chats of this property) into this ticket: every message interleaved by time with
    /// authors and times kept, tags united; each source becomes a read-only link here. Idempotent by merge id, crash-safe
    /// (the intent is stored first and a merge once begun is always completed).
    /// </summary>
    [Alias("Merge")]
    [ResponseTimeout(GrainCallTimeouts.Long)]
    Task<MergeResult> MergeAsync(MergeIntoTicket command);

    /// <summary>MRG-1: moves chosen messages out into a new ticket, linked both ways; idempotent by split id.</summary>
    [Alias("Split")]
    [ResponseTimeout(GrainCallTimeouts.Long)]
    Task<TicketView> SplitAsync(SplitTicket command);

    /// <summary>The new ticket of a split (MRG-1); a repeat returns it.</summary>
    [Alias("CreateFromSplit")]
    [ResponseTimeout(GrainCallTimeouts.Long)]
    Task<TicketView> CreateFromSplitAsync(CreateTicketFromSplit command);
}
