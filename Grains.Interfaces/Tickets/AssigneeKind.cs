namespace Conversations.Grains.Interfaces.Tickets;

public enum AssigneeKind
{
    None = 0,
    Agent = 1,
    Department = 2,
}
