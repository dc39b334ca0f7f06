namespace Conversations.Grains.Agents;

[GenerateSerializer, Alias("Conversations.ApiTokenState")]
public sealed class ApiTokenState
{
    [Id(0)] public Guid? AgentId { get; set; }
    [Id(1)] public Guid TokenId { get; set; }
}
