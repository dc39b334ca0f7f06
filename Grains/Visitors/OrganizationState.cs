namespace Conversations.Grains.Visitors;

[GenerateSerializer, Alias("Conversations.OrganizationState")]
public sealed class OrganizationState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string? Domain { get; set; }
    [Id(2)] public string? Notes { get; set; }
    [Id(3)] public List<string> Contacts { get; set; } = [];
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }
}
