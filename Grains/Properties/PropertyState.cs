using Conversations.Grains.Interfaces.Properties;

namespace Conversations.Grains.Properties;

[GenerateSerializer, Alias("Conversations.PropertyState")]
public sealed class PropertyState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string WidgetKey { get; set; } = "";
    [Id(3)] public string? SupportEmail { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public Dictionary<Guid, PropertyRole> Members { get; set; } = [];
}
