namespace Conversations.Grains.Email;

/// <summary>What became of an inbound email; the SMTP listener answers the sender with the matching reply code.</summary>
public enum InboundOutcome
{
    /// <summary>Taken (a ticket or a reply), or deliberately ignored (an automatic reply).</summary>
    Accepted,

    /// <summary>Refused for a reason the sender is told (a forged ticket address, a stranger replying to a ticket).</summary>
    Refused,

    /// <summary>No property takes mail at any of the recipient addresses.</summary>
    NoSuchMailbox,
}
