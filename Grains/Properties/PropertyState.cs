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

    /// <summary>Signs the visitor tokens web nodes hand out; never leaves the server.</summary>
    [Id(6)] public string VisitorSigningKey { get; set; } = "";

    /// <summary>Shared with the site's back end, which signs its users' ids with it (identity verification).</summary>
    [Id(7)] public string IdentitySecret { get; set; } = "";

    [Id(8)] public HashSet<Guid> Departments { get; set; } = [];

    /// <summary>Members whose presence is Online; bounded by <see cref="Members"/>.</summary>
    [Id(9)] public HashSet<Guid> OnlineAgents { get; set; } = [];
}
