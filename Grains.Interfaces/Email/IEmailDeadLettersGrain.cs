namespace Conversations.Grains.Interfaces.Email;

/// <summary>The latest dead-lettered emails of a property (keyed by its id), for admins.</summary>
[Alias("Conversations.IEmailDeadLettersGrain")]
public interface IEmailDeadLettersGrain : IGrainWithStringKey
{
    /// <summary>Records the email; recording the same dedupe key again changes nothing.</summary>
    [Alias("Add")]
    Task AddAsync(OutboxEmail email);

    [Alias("List")]
    Task<IReadOnlyList<OutboxEmail>> ListAsync();

    /// <summary>BIN-2: removes the dead letters of a purged ticket.</summary>
    [Alias("ForgetTicket")]
    Task ForgetTicketAsync(Guid ticketId);
}
