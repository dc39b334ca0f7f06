namespace Conversations.Grains.Interfaces.Sla;

public enum SlaTarget
{
    /// <summary>From the visitor's first message (a chat) or the ticket's creation to the first agent reply.</summary>
    FirstResponse = 0,

    /// <summary>From a customer message that follows an agent reply to the next agent reply.</summary>
    NextResponse = 1,

    /// <summary>From the start to the close, not counting time spent pending.</summary>
    Resolution = 2,
}
