using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Conversations.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (SmtpServer package) on a free loopback port that keeps what it receives.
/// It refuses with 451 (try later) while <see cref="Refusing"/> is set, and with 550 any mail to
/// an address starting "bounce". With <see cref="HoldReplyUntil"/> it keeps a message but holds back
/// its 250 answer, as a server whose answer is lost when the sender dies in between.
/// </summary>
public sealed class TestSmtpServer : MessageStore, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    /// <summary>Listens on <paramref name="port"/>, or on a free port when it is 0.</summary>
    public TestSmtpServer(int port = 0)
    {
        Port = port == 0 ? AzuriteProcess.FreePort() : port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("test-smtp")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(this);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public bool Refusing { get; set; }

    /// <summary>While set, each accepted message is kept at once but answered only when this task completes.</summary>
    public Task? HoldReplyUntil { get; set; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public IEnumerable<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Waits until <paramref name="count"/> messages to <paramref name="address"/> have arrived (or fails after 30 s).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (To(address).Count() < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} emails to {address}; got {To(address).Count()}.");
            await Task.Delay(50);
        }

        return To(address).ToList();
    }

    public override async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (Refusing)
        {
            return new SmtpResponse((SmtpReplyCode)451, "Try later");
        }

        if (transaction.To.Any(t => t.User.StartsWith("bounce", StringComparison.Ordinal)))
        {
            return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "No such user");
        }

        using var stream = new MemoryStream(buffer.ToArray());
        Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
        if (HoldReplyUntil is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }

        return SmtpResponse.Ok;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
