using System.Security.Cryptography;
using System.Text;

namespace Conversations.Grains.Tickets;

public static class TicketIds
{
    /// <summary>
    /// The id of the ticket a chat converts into (CHAT-3). Derived from the chat id, so a conversion
    /// retried after a crash finds the ticket it already created instead of making a second one.
    /// </summary>
    public static Guid ForChat(Guid chatId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("ticket-of-chat:" + chatId.ToString("N")))[..16]);
}
