namespace Conversations.Grains.Interfaces.Visitors;

public enum AttributeType
{
    Text = 0,
    Number = 1,
    Date = 2,
    Bool = 3,
}
