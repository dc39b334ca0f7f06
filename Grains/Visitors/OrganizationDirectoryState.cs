using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Visitors;

[GenerateSerializer, Alias("Conversations.OrganizationDirectoryState")]
public sealed class OrganizationDirectoryState
{
    [Id(0)] public List<OrganizationSummary> Organizations { get; set; } = [];
}
