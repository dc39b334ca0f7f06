namespace Conversations.Grains.Interfaces.Inbox;

/// <summary>
/// Where a page ended, as the sort key of its last row: (priority when sorting by priority,
/// updated time, id). The next page holds rows strictly after that key, whatever happened to the row since.
/// </summary>
[GenerateSerializer, Immutable, Alias("Conversations.InboxCursor")]
public sealed record InboxCursor(
    [property: Id(0)] int Priority,
    [property: Id(1)] long UpdatedTicks,
    [property: Id(2)] Guid Id)
{
    public string Encode() => $"{Priority}.{UpdatedTicks}.{Id:N}";

    public static InboxCursor? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parts = text.Split('.');
        return parts.Length == 3 && int.TryParse(parts[0], out var priority) && long.TryParse(parts[1], out var ticks) && Guid.TryParseExact(parts[2], "N", out var id)
            ? new InboxCursor(priority, ticks, id)
            : throw Common.DomainException.Invalid("The cursor is not one this API returned.");
    }
}
