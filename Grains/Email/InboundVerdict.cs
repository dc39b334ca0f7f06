namespace Conversations.Grains.Email;

/// <summary>The answer to one inbound email: its outcome and the reason told to the sender.</summary>
public readonly record struct InboundVerdict(InboundOutcome Outcome, string Reason)
{
    public static InboundVerdict Accepted { get; } = new(InboundOutcome.Accepted, "Ok");

    public static InboundVerdict Refused(string reason) => new(InboundOutcome.Refused, reason);

    public static InboundVerdict NoSuchMailbox { get; } = new(InboundOutcome.NoSuchMailbox, "No such mailbox here.");
}
