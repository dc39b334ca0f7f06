using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Inbox;
using Conversations.Grains.Interfaces.Merging;
using Orleans.Concurrency;

namespace Conversations.Grains.Interfaces.Common;

/// <summary>The commands chats and tickets share: messages read, whispers, assignee, tags, trash, spam, restore and purge.</summary>
[Alias("Conversations.IConversationGrain")]
public interface IConversationGrain : IGrainWithGuidKey
{
    [Alias("GetMessages")]
    Task<IReadOnlyList<ConversationMessage>> GetMessagesAsync(string propertyId, long afterSequence, int maxCount);

    [Alias("Whisper")]
    Task<MessageAck> WhisperAsync(PostWhisper command);

    /// <summary>
    /// Assigns the conversation to an agent (an agent picking a chat up assigns it to themself) or a department of the
    /// property, or unassigns it (CHAT-1, TIC-6). Assigning it again to the same one changes nothing.
    /// </summary>
    [Alias("Assign")]
    Task<ConversationChange> AssignAsync(AssignConversation command);

    [Alias("ChangeTags")]
    Task<ConversationChange> ChangeTagsAsync(ChangeTags command);

    /// <summary>Moves the conversation to Trash (BIN-1). Trashing it again is harmless.</summary>
    [Alias("Trash")]
    Task<ConversationChange> TrashAsync(string propertyId);

    /// <summary>Moves the conversation to Spam (BIN-3). Marking it again is harmless.</summary>
    [Alias("MarkSpam")]
    Task<ConversationChange> MarkSpamAsync(string propertyId);

    /// <summary>Puts a trashed or spam conversation back exactly as it was (BIN-1, BIN-3).</summary>
    [Alias("Restore")]
    Task<ConversationChange> RestoreAsync(string propertyId);

    /// <summary>Deletes a trashed or spam conversation's content and messages for good (BIN-2). Irreversible.</summary>
    [Alias("Purge")]
    [ResponseTimeout(GrainCallTimeouts.Long)]
    Task PurgeAsync(string propertyId);

    /// <summary>
    /// True when a conversation of this kind has this id (started, or purged: a purged id is never used again). A chat and
    /// a ticket keep their messages under the id alone, so a new one first asks the other kind whether the id is taken.
    /// </summary>
    [Alias("IsTaken"), AlwaysInterleave]
    Task<bool> IsTakenAsync();

    /// <summary>The conversation's inbox row as stored now (null before it exists); the inbox repairs itself with it.</summary>
    [Alias("GetInboxRow")]
    Task<InboxRow?> GetInboxRowAsync();

    /// <summary>MRG-1: whether the conversation may be merged into <paramref name="survivorId"/> (throws the reason if not); changes nothing.</summary>
    [Alias("CheckMerge")]
    Task<MergeSource> CheckMergeAsync(string propertyId, Guid survivorId);

    /// <summary>
    /// MRG-1: seals the conversation as merged into <paramref name="survivorId"/> by <paramref name="mergeId"/>: read-only from now
    /// on (a chat is closed, a ticket closed if it was not), so the messages it gives the survivor cannot change. Repeating it
    /// with the same merge id answers the same.
    /// </summary>
    [Alias("SealForMerge")]
    Task<MergeSource> SealForMergeAsync(string propertyId, string mergeId, Guid survivorId);
}
