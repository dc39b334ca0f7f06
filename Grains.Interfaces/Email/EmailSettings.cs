using System.Net.Mail;

namespace Conversations.Grains.Interfaces.Email;

/// <summary>
/// <c>Conversations:Email:*</c>. Outbound mail is on when <see cref="SmtpHost"/> is set; the inbound
/// listener when <see cref="InboundSmtpPort"/> is set. Either needs <see cref="TokenSecret"/>.
/// </summary>
public sealed class EmailSettings
{
    public const string SectionName = "Conversations:Email";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The sender of every email; its local part and domain also make the signed reply addresses.</summary>
    public string From { get; set; } = "support@localhost";

    public int? InboundSmtpPort { get; set; }

    /// <summary>The HMAC key of the ticket tokens in reply addresses and Message-IDs.</summary>
    public string? TokenSecret { get; set; }

    /// <summary>Failed attempts after which an email is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The delay after the first failure; it doubles with each further failure (capped at an hour).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a durable reminder wakes an outbox that still holds unsent email.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Inbound messages larger than this (attachments included, as encoded) are refused with SMTP 552.</summary>
    public int MaxInboundBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Larger attachments (decoded) are not kept; the ticket message says so.</summary>
    public int MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The files of one reply together (decoded) at most: they go to the requester in one email, which base64 makes a third
    /// larger, and common mail servers take 25 MB. A ticket reply over it is refused with the reason (422).
    /// </summary>
    public int MaxEmailAttachmentBytes { get; set; } = 18 * 1024 * 1024;

    /// <summary>Emails a ticket's outbox holds unsent; past this it refuses more until some are sent (the ticket keeps them).</summary>
    public int MaxEmailsPendingPerTicket { get; set; } = 500;

    /// <summary>Emails a ticket keeps for an outbox that does not take them; past this, changes that call for email are refused (503) until it does.</summary>
    public int MaxEmailsWaitingPerTicket { get; set; } = 100;

    public bool SendsMail => !string.IsNullOrWhiteSpace(SmtpHost);

    public bool ReceivesMail => InboundSmtpPort is not null;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if ((SendsMail || ReceivesMail) && (TokenSecret is null || TokenSecret.Length < 32))
        {
            problems.Add($"{SectionName}:TokenSecret must be at least 32 characters when email is on (SmtpHost or InboundSmtpPort is set).");
        }

        if (SmtpPort is < 1 or > 65535)
        {
            problems.Add($"{SectionName}:SmtpPort must be between 1 and 65535.");
        }

        if (InboundSmtpPort is < 1 or > 65535)
        {
            problems.Add($"{SectionName}:InboundSmtpPort must be between 1 and 65535 (leave it unset to turn inbound mail off).");
        }

        if (!MailAddress.TryCreate(From, out var from) || from.Address != From || from.User.Length == 0)
        {
            problems.Add($"{SectionName}:From must be one plain email address, like support@example.com.");
        }

        if (string.IsNullOrEmpty(SmtpUser) != string.IsNullOrEmpty(SmtpPassword))
        {
            problems.Add($"{SectionName}:SmtpUser and {SectionName}:SmtpPassword go together.");
        }

        if (MaxAttempts is < 1 or > 30)
        {
            problems.Add($"{SectionName}:MaxAttempts must be between 1 and 30.");
        }

        if (RetryBaseDelay <= TimeSpan.Zero || ReminderPeriod <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:RetryBaseDelay and {SectionName}:ReminderPeriod must be positive.");
        }

        if (MaxInboundBytes is < 1024 or > 50 * 1024 * 1024)
        {
            problems.Add($"{SectionName}:MaxInboundBytes must be between 1024 and 52428800.");
        }

        if (MaxAttachmentBytes < 1 || MaxAttachmentBytes > MaxInboundBytes)
        {
            problems.Add($"{SectionName}:MaxAttachmentBytes must be positive and at most MaxInboundBytes.");
        }

        if (MaxEmailAttachmentBytes is < 1 or > 50 * 1024 * 1024)
        {
            problems.Add($"{SectionName}:MaxEmailAttachmentBytes must be between 1 and 52428800.");
        }

        if (MaxEmailsPendingPerTicket is < 1 or > 5000 || MaxEmailsWaitingPerTicket is < 1 or > 1000)
        {
            problems.Add($"{SectionName}:MaxEmailsPendingPerTicket must be between 1 and 5000, and {SectionName}:MaxEmailsWaitingPerTicket between 1 and 1000.");
        }

        return problems;
    }
}
