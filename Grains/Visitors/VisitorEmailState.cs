namespace Conversations.Grains.Visitors;

[GenerateSerializer, Alias("Conversations.VisitorEmailState")]
public sealed class VisitorEmailState
{
    [Id(0)] public string? VisitorId { get; set; }
}
