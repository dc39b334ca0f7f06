using Conversations.Grains.Interfaces.Chats;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Realtime;
using Conversations.Grains.Messages;
using Conversations.Grains.Realtime;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Chats;

public sealed class ChatGrain(
    [PersistentState("chat", ConversationsNames.GrainStorage)] IPersistentState<ChatState> state,
    IMessageStore messageStore,
    TimeProvider clock,
    ILogger<ChatGrain> logger) : Grain, IChatGrain
{
    /// <summary>How many acknowledgements are kept for deduplicating retried commands.</summary>
    public const int RememberedCommands = 256;

    public const int MaxNameLength = 100;

    private ChatState Chat => state.State;

    private Guid Id => this.GetPrimaryKey();

    public async Task<ChatView> StartAsync(StartChat command)
    {
        RequireText(command.PropertyId, "A property id");
        RequireText(command.VisitorId, "A visitor id");
        if (Chat.Status != ChatStatus.None)
        {
            EnsureProperty(command.PropertyId);
            return Chat.VisitorId == command.VisitorId
                ? View()
                : throw DomainException.NotFound("The chat");
        }

        var now = clock.GetUtcNow();
        Chat.PropertyId = command.PropertyId;
        Chat.VisitorId = command.VisitorId;
        Chat.VisitorName = CleanName(command.VisitorName) ?? "Visitor";
        Chat.Status = ChatStatus.Open;
        Chat.CreatedAt = now;
        Chat.UpdatedAt = now;
        Chat.Version = 1;
        await state.WriteStateAsync();

        await this.PublishAsync(new ChatStarted(Chat.PropertyId, Id, Chat.Version, now, Chat.VisitorId, Chat.VisitorName), logger);
        return View();
    }

    public async Task<MessageAck> PostMessageAsync(PostMessage command)
    {
        EnsureProperty(command.PropertyId);
        RequireText(command.CommandId, "A command id");
        if (Chat.RecentCommands.Find(c => c.CommandId == command.CommandId) is { } earlier)
        {
            return earlier.Ack;
        }

        if (Chat.Status != ChatStatus.Open)
        {
            throw new DomainException(DomainErrorCode.Conflict, "This chat is closed; a new message starts a new chat.");
        }

        if (command.AuthorKind == AuthorKind.Visitor && command.AuthorId != Chat.VisitorId)
        {
            throw DomainException.NotFound("The chat");
        }

        var text = MessageText.Clean(command.Text);
        var now = clock.GetUtcNow();
        var message = new ConversationMessage(
            Chat.MessageCount + 1, command.CommandId, command.AuthorKind, command.AuthorId,
            AuthorNameFor(command), text, IsInternal: false, now);

        // The row goes first: if the process dies before the state write, the row is an
        // unacknowledged leftover that the next message with this sequence overwrites.
        await messageStore.AppendAsync(Id, message);
        Chat.MessageCount = message.Sequence;
        Chat.UpdatedAt = now;
        Chat.Version++;
        var ack = new MessageAck(Id, message.Sequence, Chat.Version, now);
        Remember(command.CommandId, ack);
        await state.WriteStateAsync();

        await this.PublishAsync(new MessagePosted(Chat.PropertyId, Id, Chat.Version, now, message), logger);
        return ack;
    }

    public Task<ChatView> GetAsync(string propertyId)
    {
        EnsureProperty(propertyId);
        return Task.FromResult(View());
    }

    public async Task<IReadOnlyList<ConversationMessage>> GetMessagesAsync(string propertyId, long afterSequence, int maxCount)
    {
        EnsureProperty(propertyId);
        if (maxCount is < 1 or > 1000)
        {
            throw DomainException.Invalid("maxCount must be between 1 and 1000.");
        }

        var messages = await messageStore.ReadAsync(Id, Math.Max(0, afterSequence), maxCount);

        // Rows beyond the acknowledged count are leftovers of a crash, never shown.
        return messages.Where(m => m.Sequence <= Chat.MessageCount).ToList();
    }

    private void EnsureProperty(string propertyId)
    {
        if (Chat.Status == ChatStatus.None || !string.Equals(Chat.PropertyId, propertyId, StringComparison.Ordinal))
        {
            throw DomainException.NotFound("The chat");
        }
    }

    private void Remember(string commandId, MessageAck ack)
    {
        Chat.RecentCommands.Add(new RecentCommand(commandId, ack));
        if (Chat.RecentCommands.Count > RememberedCommands)
        {
            Chat.RecentCommands.RemoveRange(0, Chat.RecentCommands.Count - RememberedCommands);
        }
    }

    private string AuthorNameFor(PostMessage command) => command.AuthorKind == AuthorKind.Visitor
        ? Chat.VisitorName
        : CleanName(command.AuthorName) ?? command.AuthorKind.ToString();

    private ChatView View() => new(
        Id, Chat.PropertyId, Chat.VisitorId, Chat.VisitorName, Chat.Status, Chat.MessageCount,
        Chat.CreatedAt, Chat.UpdatedAt, Chat.Version);

    private static void RequireText(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 200)
        {
            throw DomainException.Invalid($"{what} is required and must be at most 200 characters.");
        }
    }

    private static string? CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var cleaned = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (cleaned.Length > MaxNameLength)
        {
            throw DomainException.Invalid($"A name can be at most {MaxNameLength} characters long.");
        }

        return cleaned.Length == 0 ? null : cleaned;
    }
}
