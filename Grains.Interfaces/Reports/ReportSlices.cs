namespace Conversations.Grains.Interfaces.Reports;

/// <summary>The slices a day is kept in: everything, each agent (the assignee, else the first agent who replied) and each department.</summary>
public static class ReportSlices
{
    public const string All = "all";
    public const string AgentPrefix = "agent:";
    public const string DepartmentPrefix = "department:";

    public static string Agent(string agentId) => AgentPrefix + agentId;

    public static string Department(string departmentId) => DepartmentPrefix + departmentId;
}
