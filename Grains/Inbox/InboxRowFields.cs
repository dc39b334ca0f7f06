using Conversations.Grains.Interfaces.Inbox;

namespace Conversations.Grains.Inbox;

/// <summary>The small values of a row in six bytes, and the <see cref="InboxCells">cell</see> they put it in.</summary>
internal readonly record struct InboxRowFields(byte Kind, byte Status, byte Place, byte Priority, byte Rating, byte AssigneeKind)
{
    public static InboxRowFields Of(InboxRow row) => new(
        (byte)row.Kind, (byte)row.Status, (byte)row.Place, (byte)Math.Clamp(row.Priority, 0, InboxCells.Priorities - 1), (byte)row.Rating, (byte)row.AssigneeKind);

    /// <summary>Whether the row is in a list (inbox, Trash or Spam); a purged row is in none.</summary>
    public bool Listed => Place < InboxCells.Places;

    public byte Cell => InboxCells.Of(Place, Kind == (byte)ConversationKind.Chat, Status, Priority);
}
