namespace Conversations.Grains.Email;

[GenerateSerializer, Alias("Conversations.SupportAddressState")]
public sealed class SupportAddressState
{
    [Id(0)] public string? PropertyId { get; set; }
}
