namespace Conversations.Web.Departments;

public sealed record DepartmentMembersRequest(IReadOnlyList<Guid> AgentIds);
