using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Conversations.Grains.Interfaces.Email;

namespace Conversations.Grains.Email;

/// <summary>
/// The signed ticket token "t.{ticketId}.{hmac}" carried by reply addresses
/// (support+t.….…@domain) and by the Message-IDs the outbox sends, so a reply finds its ticket.
/// </summary>
public sealed partial class TicketEmailToken(EmailSettings settings)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(settings.TokenSecret ?? "");
    private readonly string _local = settings.From.Split('@')[0];

    public string Domain { get; } = settings.From.Split('@')[1];

    public string Token(Guid ticketId) => $"t.{ticketId:N}.{Signature(ticketId)}";

    public string ReplyAddress(Guid ticketId) => $"{_local}+{Token(ticketId)}@{Domain}";

    /// <summary>The Message-ID every email of the ticket refers to, so mail clients thread them.</summary>
    public string ThreadRoot(Guid ticketId) => $"{Token(ticketId)}@{Domain}";

    public string MessageId(Guid ticketId, long version, EmailKind kind, string recipient)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipient.ToLowerInvariant())))[..12];
        return $"{Token(ticketId)}.{version}.{(int)kind}.{hash}@{Domain}";
    }

    /// <summary>
    /// The Message-ID of a notice that belongs to no ticket's thread (an SLA breach, SLA-1): no ticket token, so a reply to it finds
    /// no ticket. <paramref name="outboxId"/> is the outbox it is sent from.
    /// </summary>
    public string NoticeMessageId(Guid outboxId, long version, EmailKind kind, string recipient)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{outboxId:N}.{version}.{(int)kind}.{recipient.ToLowerInvariant()}")))[..32];
        return $"n.{hash}@{Domain}";
    }

    /// <summary>The ticket a token in <paramref name="text"/> names, or null; <paramref name="forged"/> when one is present but not validly signed.</summary>
    public Guid? Find(string? text, out bool forged)
    {
        forged = false;
        foreach (Match match in TokenPattern().Matches(text ?? ""))
        {
            var ticketId = Guid.ParseExact(match.Groups[1].Value, "N");
            if (CryptographicOperations.FixedTimeEquals(
                    Encoding.ASCII.GetBytes(Signature(ticketId)), Encoding.ASCII.GetBytes(match.Groups[2].Value.ToLowerInvariant())))
            {
                return ticketId;
            }

            forged = true;
        }

        return null;
    }

    private string Signature(Guid ticketId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("ticket:" + ticketId.ToString("N"))))[..20];

    [GeneratedRegex(@"(?<![0-9a-z])t\.([0-9a-f]{32})\.([0-9a-f]{20})(?![0-9a-f])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
