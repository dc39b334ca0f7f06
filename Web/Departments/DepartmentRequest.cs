namespace Conversations.Web.Departments;

public sealed record DepartmentRequest(string Name);
