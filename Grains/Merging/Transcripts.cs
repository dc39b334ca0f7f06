using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Messages;

namespace Conversations.Grains.Merging;

/// <summary>
/// Reading and writing whole transcripts for merges and splits (MRG-1). Rows are written with deterministic keys (a base
/// sequence plus the place in the new transcript) and replace whatever a failed attempt left there, so a redo after a crash
/// writes the same rows again and never a second copy.
/// </summary>
public static class Transcripts
{
    private const int PageSize = 1000;

    /// <summary>Rows written at once: under the commit queue's limit per partition, so a merge does not crowd out live messages.</summary>
    private const int WriteChunk = 100;

    /// <summary>The messages <paramref name="first"/>..<paramref name="last"/> of a conversation, in sequence order.</summary>
    public static async Task<List<ConversationMessage>> ReadAsync(IMessageStore store, Guid conversationId, long first, long last)
    {
        var messages = new List<ConversationMessage>();
        for (var after = Math.Max(0, first - 1); after < last;)
        {
            var page = await store.ReadAsync(conversationId, after, (int)Math.Min(PageSize, last - after));
            if (page.Count == 0)
            {
                break;
            }

            messages.AddRange(page.Where(m => m.Sequence <= last));
            after = page[^1].Sequence;
        }

        return messages;
    }

    /// <summary>
    /// Every message of the parts in one transcript, in time order; messages written at the same instant keep the order of
    /// their parts (the survivor first), then their own.
    /// </summary>
    public static List<ConversationMessage> Interleave(IReadOnlyList<IReadOnlyList<ConversationMessage>> parts) =>
        parts.SelectMany((part, origin) => part.Select(message => (message, origin)))
            .OrderBy(m => m.message.At)
            .ThenBy(m => m.origin)
            .ThenBy(m => m.message.Sequence)
            .Select(m => m.message)
            .ToList();

    /// <summary>Writes <paramref name="transcript"/> as rows <paramref name="baseSequence"/>+1.. of the conversation, originals' authors and times kept.</summary>
    public static async Task WriteAsync(IMessageStore store, Guid conversationId, long baseSequence, IReadOnlyList<ConversationMessage> transcript, Func<Task> pause)
    {
        var rows = transcript.Select((message, i) => message with { Sequence = baseSequence + i + 1 }).ToList();
        foreach (var chunk in rows.Chunk(WriteChunk))
        {
            await Task.WhenAll(chunk.Select(row => store.AppendAsync(conversationId, row)));
            await pause();
        }
    }
}
