namespace Conversations.Infrastructure.Search;

/// <summary>A commit of the index held for copying: its files stay on disk until <see cref="Release"/>.</summary>
internal sealed record IndexCommitSnapshot(IReadOnlyList<string> Files, long Generation, byte[] Ordinals, Action Release);
