using Conversations.Grains.Interfaces.Email;

namespace Conversations.Grains.Email;

[GenerateSerializer, Alias("Conversations.EmailDeadLettersState")]
public sealed class EmailDeadLettersState
{
    /// <summary>Oldest first; bounded by <see cref="EmailDeadLettersGrain.Kept"/>.</summary>
    [Id(0)] public List<OutboxEmail> Emails { get; set; } = [];
}
