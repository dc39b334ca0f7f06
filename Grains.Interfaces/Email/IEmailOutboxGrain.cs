using Conversations.Grains.Interfaces.Common;

namespace Conversations.Grains.Interfaces.Email;

/// <summary>
/// The durable outbox of one ticket (keyed by the ticket id): renders intents into emails, sends them
/// over SMTP and retries with exponential backoff on a reminder until sent or dead-lettered.
/// </summary>
[Alias("Conversations.IEmailOutboxGrain")]
public interface IEmailOutboxGrain : IGrainWithGuidKey
{
    /// <summary>Stores the emails of intents it has not seen before; returns once they are persisted.</summary>
    [Alias("Enqueue")]
    Task EnqueueAsync(string propertyId, IReadOnlyList<EmailIntent> intents);

    [Alias("Get")]
    Task<OutboxSnapshot> GetAsync();

    /// <summary>BIN-2: forgets every email of the purged ticket, pending or sent, and stops trying to send.</summary>
    [Alias("Purge")]
    [ResponseTimeout(GrainCallTimeouts.Long)]
    Task PurgeAsync();
}
