namespace Conversations.Grains.Interfaces.Departments;

[GenerateSerializer, Immutable, Alias("Conversations.DepartmentView")]
public sealed record DepartmentView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string PropertyId,
    [property: Id(2)] string Name,
    [property: Id(3)] IReadOnlyList<Guid> Members);
