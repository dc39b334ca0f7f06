using Conversations.Grains.Interfaces.Email;

namespace Conversations.Grains.Email;

[GenerateSerializer, Alias("Conversations.EmailOutboxState")]
public sealed class EmailOutboxState
{
    [Id(0)] public string PropertyId { get; set; } = "";

    /// <summary>Intents up to this ticket version are taken; a repeated hand-off of them is ignored.</summary>
    [Id(1)] public long AcceptedThroughVersion { get; set; }

    [Id(2)] public List<OutboxEmail> Pending { get; set; } = [];

    /// <summary>The latest sent emails, for inspection; bounded by <see cref="EmailOutboxGrain.KeptSent"/>.</summary>
    [Id(3)] public List<OutboxEmail> RecentlySent { get; set; } = [];
}
