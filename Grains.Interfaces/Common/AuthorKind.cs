namespace Conversations.Grains.Interfaces.Common;

public enum AuthorKind
{
    Visitor = 0,
    Agent = 1,
    System = 2,
}
