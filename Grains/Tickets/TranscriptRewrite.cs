namespace Conversations.Grains.Tickets;

/// <summary>
/// A merge or split of a ticket in progress (MRG-1), stored before anything else is done. <see cref="BaseSequence"/> is the
/// ticket's last sequence when it began: the new transcript goes to the rows after it, so a redo writes the same rows.
/// A merge lists its <see cref="SourceIds"/>; a split its <see cref="SplitSequences"/> and the <see cref="SplitTicketId"/> it makes.
/// </summary>
[GenerateSerializer, Alias("Conversations.TranscriptRewrite")]
public sealed class TranscriptRewrite
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public long BaseSequence { get; set; }
    [Id(2)] public List<Guid> SourceIds { get; set; } = [];
    [Id(3)] public List<long> SplitSequences { get; set; } = [];
    [Id(4)] public Guid? SplitTicketId { get; set; }
    [Id(5)] public string? SplitSubject { get; set; }

    public bool IsSplit => SplitTicketId is not null;
}
