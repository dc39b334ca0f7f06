namespace Conversations.Grains.Interfaces.Chats;

public enum ChatRatingValue
{
    None = 0,
    Good = 1,
    Bad = 2,
}
