using System.Net;
using Conversations.Grains.Email;
using Conversations.Grains.Interfaces.Email;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmtpServer;

namespace Conversations.Infrastructure.Email;

/// <summary>
/// The inbound SMTP listener (SmtpServer package), hosted in the silo so it reaches grains directly.
/// Messages over <see cref="EmailSettings.MaxInboundBytes"/> are refused with 552 while they arrive.
/// </summary>
public sealed class InboundSmtpListener(EmailSettings settings, InboundMail inbound, ILogger<InboundSmtpListener> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var port = settings.InboundSmtpPort ?? throw new InvalidOperationException("No inbound SMTP port is set.");
        var options = new SmtpServerOptionsBuilder()
            .ServerName(settings.From.Split('@')[1])
            .MaxMessageSize(settings.MaxInboundBytes, MaxMessageSizeHandling.Strict)
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Any, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new InboundMessageStore(inbound, settings.MaxInboundBytes, logger));
        logger.LogInformation("Inbound SMTP listening on port {Port}", port);
        return new SmtpServer.SmtpServer(options, services).StartAsync(stoppingToken);
    }
}
