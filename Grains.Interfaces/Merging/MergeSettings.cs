namespace Conversations.Grains.Interfaces.Merging;

/// <summary>Settings of merges (MRG-1), section <c>Conversations:Merge</c>.</summary>
public sealed class MergeSettings
{
    /// <summary>
    /// A pause between the steps of a merge (seal each source, copy each batch of rows). Zero in the product; the crash
    /// test sets it so that a <c>kill -9</c> lands in the middle of a merge for sure.
    /// </summary>
    public TimeSpan PauseBetweenSteps { get; set; }
}
