using System.Net.Http.Json;
using Conversations.Tests.Infrastructure;
using Conversations.Tests.MultiProcess;
using MimeKit;
using Xunit.Abstractions;

namespace Conversations.Tests.Email;

/// <summary>
/// The outbox across a real <c>kill -9</c> of the silo process, with the SMTP server in this test
/// process: emails persisted but not sent survive and go out exactly once; an email the SMTP server
/// took just before the silo died is sent again under the same Message-ID (at-least-once at the SMTP
/// boundary, duplicates detectable), and never a third time.
/// </summary>
[Trait("Category", "MultiProcess")]
public sealed class OutboxKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromSeconds(3);

    private readonly int _smtpPort = AzuriteProcess.FreePort();
    private ProcessCluster? _cluster;
    private TestSmtpServer? _smtp;

    private ProcessCluster Cluster => _cluster!;

    public async Task InitializeAsync() => _cluster = await ProcessCluster.StartAsync(silos: 1, webs: 1, new Dictionary<string, string>
    {
        ["Conversations__Email__SmtpHost"] = "127.0.0.1",
        ["Conversations__Email__SmtpPort"] = _smtpPort.ToString(),
        ["Conversations__Email__From"] = EmailCluster.From,
        ["Conversations__Email__TokenSecret"] = EmailCluster.TokenSecret,
        ["Conversations__Email__RetryBaseDelay"] = "00:00:01",
        ["Conversations__Email__ReminderPeriod"] = ReminderPeriod.ToString(),
        ["Conversations__Email__MaxAttempts"] = "30",
    });

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    [Fact, Trait("Spec", "TIC-2"), Trait("Spec", "X-1")]
    public async Task TIC2_emails_persisted_while_smtp_is_unreachable_survive_a_silo_kill_and_arrive_exactly_once()
    {
        using var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[0]);
        var (ticketId, requester) = await NewTicketAsync(admin);
        string[] replies = ["First answer", "Second answer", "Third answer"];
        foreach (var (text, i) in replies.Select((t, i) => (t, i)))
        {
            await ReplyAsync(admin, ticketId, $"reply-{i}", text);
        }

        // Acknowledged, so stored in the outbox; the SMTP port refuses connections, so nothing was sent.
        Cluster.Node("silo-0").Kill();
        await Cluster.StartSiloAsync(0);
        _smtp = new TestSmtpServer(_smtpPort);
        var started = DateTimeOffset.UtcNow;

        var mails = await _smtp.WaitForAsync(requester, replies.Length);
        output.WriteLine($"{replies.Length} emails delivered {(DateTimeOffset.UtcNow - started).TotalSeconds:F1}s after SMTP came up");
        await Task.Delay(ReminderPeriod * 3);

        mails = [.. _smtp.To(requester)];
        Assert.Equal(replies.Length, mails.Count);
        Assert.Equal(replies.Length, mails.Select(m => m.MessageId).Distinct().Count());
        foreach (var text in replies)
        {
            Assert.Single(mails, m => m.TextBody?.Contains(text, StringComparison.Ordinal) == true);
        }
    }

    [Fact, Trait("Spec", "TIC-2"), Trait("Spec", "X-1")]
    public async Task TIC2_an_email_the_smtp_server_took_just_before_the_silo_died_is_resent_once_under_the_same_message_id()
    {
        _smtp = new TestSmtpServer(_smtpPort);
        var answer = new TaskCompletionSource();
        _smtp.HoldReplyUntil = answer.Task;
        using var admin = await ProcessCluster.SignInAsync(Cluster.WebNodes[0]);
        var (ticketId, requester) = await NewTicketAsync(admin);

        await ReplyAsync(admin, ticketId, "reply-0", "Answer in flight");
        await _smtp.WaitForAsync(requester);
        Cluster.Node("silo-0").Kill(); // the server has the message; the silo never heard its 250
        _smtp.HoldReplyUntil = null;
        answer.SetResult();
        await Cluster.StartSiloAsync(0);

        var mails = await _smtp.WaitForAsync(requester, 2);
        await Task.Delay(ReminderPeriod * 3);

        // At-least-once at the SMTP boundary: a second copy, which the stable Message-ID lets receivers drop.
        mails = [.. _smtp.To(requester)];
        Assert.Equal(2, mails.Count);
        Assert.Single(mails.Select(m => m.MessageId).Distinct());
        Assert.All(mails, m => Assert.Contains("Answer in flight", m.TextBody));
        Assert.Equal(mails[0].Headers[HeaderId.InReplyTo], mails[1].Headers[HeaderId.InReplyTo]);
    }

    private static async Task<(Guid TicketId, string Requester)> NewTicketAsync(HttpClient admin)
    {
        var ticketId = Guid.NewGuid();
        var requester = $"ann-{ticketId:N}@example.com";
        var created = await admin.PostAsJsonAsync($"/api/v1/properties/{ProcessCluster.Property}/tickets",
            new { ticketId, subject = "Printer on fire", requesterEmail = requester, requesterName = "Ann", text = "Help" });
        created.EnsureSuccessStatusCode();
        return (ticketId, requester);
    }

    private static async Task ReplyAsync(HttpClient admin, Guid ticketId, string commandId, string text)
    {
        var reply = await admin.PostAsJsonAsync($"/api/v1/properties/{ProcessCluster.Property}/tickets/{ticketId}/replies", new { commandId, text });
        reply.EnsureSuccessStatusCode();
    }
}
