using Conversations.Grains.Conversations;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Chats;

/// <summary>
/// What a chat owes its visitor's history (VIS-5: the chat with its status and last activity, the visitor's latest message
/// or the start) and, once purged, the removal of its files and its line in that history (BIN-2). What the history has
/// taken is kept in the state, so an update that failed is owed, and retried until done.
/// </summary>
public sealed class ChatFollowUps(IGrainFactory grains, IAttachmentStore attachments) : IConversationFollowUps<ChatState>
{
    public bool Due(ChatState chat) =>
        chat.Exists && chat.Bin != BinState.Purged && (chat.HistoryStatus != chat.Status || chat.HistoryActivityAt != LastActivity(chat));

    public async Task<bool> RunAsync(Guid chatId, ChatState chat)
    {
        var (status, at) = (chat.Status, LastActivity(chat));
        await Visitor(chat).LinkConversationAsync(new ConversationLink(chatId, ConversationKind.Chat, status.ToString(), chat.CreatedAt, at));
        chat.HistoryStatus = status;
        chat.HistoryActivityAt = at;
        return true;
    }

    public async Task RemovePurgedAsync(Guid chatId, ChatState tombstone)
    {
        await attachments.DeleteAllAsync(chatId);
        if (tombstone.VisitorId.Length > 0)
        {
            await Visitor(tombstone).ForgetConversationAsync(chatId);
        }
    }

    private static DateTimeOffset LastActivity(ChatState chat) => chat.LastVisitorMessageAt ?? chat.CreatedAt;

    private IVisitorGrain Visitor(ChatState chat) => grains.GetGrain<IVisitorGrain>(VisitorKey.For(chat.PropertyId, chat.VisitorId));
}
