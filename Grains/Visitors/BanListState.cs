using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Visitors;

[GenerateSerializer, Alias("Conversations.BanListState")]
public sealed class BanListState
{
    [Id(0)] public List<VisitorBan> Bans { get; set; } = [];
}
