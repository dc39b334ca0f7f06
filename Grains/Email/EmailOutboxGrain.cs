using Conversations.Grains.Common;
using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.Email;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Email;

/// <summary>
/// A ticket's durable outbox. An email is written here before anything is sent; it is then sent
/// and, only after the SMTP server took it, marked sent (one state write per email, so a crash
/// resends at most the one email in flight, under the same Message-ID). Failures back off
/// exponentially; a reminder wakes the outbox across restarts until nothing is pending.
/// </summary>
public sealed class EmailOutboxGrain(
    [PersistentState("emailOutbox", ConversationsNames.GrainStorage)] IPersistentState<EmailOutboxState> state,
    EmailSettings settings,
    TicketEmailToken tokens,
    IEmailSender sender,
    TimeProvider clock,
    ILogger<EmailOutboxGrain> logger) : Grain, IEmailOutboxGrain, IRemindable
{
    public const int KeptSent = 20;
    private const string ReminderName = "email-outbox";
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    private IGrainTimer? _timer;

    private EmailOutboxState Outbox => state.State;

    private Guid TicketId => this.GetPrimaryKey();

    public async Task EnqueueAsync(string propertyId, IReadOnlyList<EmailIntent> intents)
    {
        var fresh = intents.Where(i => i.Version > Outbox.AcceptedThroughVersion).OrderBy(i => i.Version).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        if (Outbox.Pending.Count >= settings.MaxEmailsPendingPerTicket)
        {
            throw DomainException.Conflict("This ticket's email outbox is full; it takes more once the pending emails are sent.");
        }

        // The reminder first: if the process dies after the write, the reminder finds the emails.
        await this.RegisterOrUpdateReminder(ReminderName, settings.ReminderPeriod, settings.ReminderPeriod);
        var now = clock.GetUtcNow();
        foreach (var intent in fresh)
        {
            foreach (var (to, name) in await EmailRecipients.ResolveAsync(GrainFactory, intent))
            {
                var (subject, text, html) = EmailTemplates.Render(intent, name);
                var messageId = IsNotice(intent.Kind) ? tokens.NoticeMessageId(TicketId, intent.Version, intent.Kind, to) : tokens.MessageId(TicketId, intent.Version, intent.Kind, to);
                Outbox.Pending.Add(new OutboxEmail(
                    $"{TicketId:N}:{intent.Version}:{intent.Kind}:{to}", messageId,
                    propertyId, TicketId, intent.Kind, to, IsNotice(intent.Kind) ? "" : tokens.ReplyAddress(TicketId), IsNotice(intent.Kind) ? "" : tokens.ThreadRoot(TicketId),
                    subject, text, html, OutboxEmailStatus.Pending, 0, now, null, now, EmailTemplates.FilesFor(intent)));
            }
        }

        Outbox.PropertyId = propertyId;
        Outbox.AcceptedThroughVersion = fresh[^1].Version;
        await this.PersistAsync(state.WriteStateAsync);
        Schedule(TimeSpan.Zero);
    }

    /// <summary>
    /// An SLA breach notice (SLA-1) goes out from the property's breach outbox, whose id is no ticket's: it gets no reply address, no
    /// thread and no ticket token, so a reply to it is not taken for a ticket's (the console is where the agent acts on it).
    /// </summary>
    private static bool IsNotice(EmailKind kind) => kind == EmailKind.SlaBreached;

    public Task<OutboxSnapshot> GetAsync() =>
        Task.FromResult(new OutboxSnapshot(Outbox.PropertyId, Outbox.Pending.ToList(), Outbox.RecentlySent.ToList()));

    public async Task PurgeAsync()
    {
        _timer?.Dispose();
        _timer = null;
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        if (state.RecordExists)
        {
            await this.PersistAsync(state.ClearStateAsync);
        }

        state.State = new EmailOutboxState();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => DrainAsync();

    private void Schedule(TimeSpan due)
    {
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(_ => DrainAsync(), due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private async Task DrainAsync()
    {
        foreach (var email in Outbox.Pending.Where(e => e.NextAttemptAt <= clock.GetUtcNow()).ToList())
        {
            await AttemptAsync(email);
        }

        if (Outbox.Pending.Count == 0)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        Schedule(Outbox.Pending.Min(e => e.NextAttemptAt) - clock.GetUtcNow());
    }

    private async Task AttemptAsync(OutboxEmail email)
    {
        string? error = null;
        var permanent = false;
        try
        {
            await sender.SendAsync(email, CancellationToken.None);
        }
        catch (EmailNotSentException e)
        {
            error = e.Message;
            permanent = e.Permanent;
        }

        var dead = error is not null && (permanent || email.Attempts + 1 >= settings.MaxAttempts);
        if (dead)
        {
            logger.LogWarning("Email {MessageId} to {To} is dead after {Attempts} attempts: {Error}", email.MessageId, email.To, email.Attempts + 1, error);
            await GrainFactory.GetGrain<IEmailDeadLettersGrain>(email.PropertyId)
                .AddAsync(email with { Status = OutboxEmailStatus.Dead, Attempts = email.Attempts + 1, LastError = error });
        }

        Record(email, error, dead);
        await this.PersistAsync(async () =>
        {
            try
            {
                await state.WriteStateAsync();
            }
            catch (Orleans.Storage.InconsistentStateException)
            {
                // Another activation wrote in between (a silo stopping while this one started): the outcome of this
                // attempt is applied again to what is stored, so a sent email is not sent a second time.
                await state.ReadStateAsync();
                Record(email, error, dead);
                await state.WriteStateAsync();
            }
        });
    }

    /// <summary>Moves the email out of Pending: to the recently sent, to nowhere (dead letter), or back with its next attempt.</summary>
    private void Record(OutboxEmail email, string? error, bool dead)
    {
        var index = Outbox.Pending.FindIndex(e => e.DedupeKey == email.DedupeKey);
        if (index < 0)
        {
            return;
        }

        Outbox.Pending.RemoveAt(index);
        if (error is null)
        {
            Outbox.RecentlySent.Add(email.WithoutBodies() with { Status = OutboxEmailStatus.Sent, Attempts = email.Attempts + 1, LastError = null });
            if (Outbox.RecentlySent.Count > KeptSent)
            {
                Outbox.RecentlySent.RemoveAt(0);
            }
        }
        else if (!dead)
        {
            var delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, settings.RetryBaseDelay.Ticks * (1L << Math.Min(email.Attempts, 20))));
            Outbox.Pending.Insert(index, email with { Attempts = email.Attempts + 1, NextAttemptAt = clock.GetUtcNow() + delay, LastError = error });
        }
    }
}
