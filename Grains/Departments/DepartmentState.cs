namespace Conversations.Grains.Departments;

[GenerateSerializer, Alias("Conversations.DepartmentState")]
public sealed class DepartmentState
{
    [Id(0)] public string PropertyId { get; set; } = "";
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public List<Guid> Members { get; set; } = [];
}
