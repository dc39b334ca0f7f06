using Conversations.Grains.Interfaces.Configuration;
using Conversations.Grains.Interfaces.Email;
using Conversations.Hosting.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Tests.Unit;

public sealed class EmailSettingsTests
{
    [Fact, Trait("Spec", "TIC-2")]
    public void TIC2_email_is_off_by_default_and_valid()
    {
        var email = new EmailSettings();
        Assert.Empty(email.Problems());
        Assert.False(email.SendsMail || email.ReceivesMail);
    }

    [Fact, Trait("Spec", "TIC-2")]
    public void TIC2_every_bad_email_setting_is_named_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Conversations:StorageConnectionString"] = "UseDevelopmentStorage=true",
            ["Conversations:Email:SmtpHost"] = "smtp.example.com",
            ["Conversations:Email:SmtpPort"] = "70000",
            ["Conversations:Email:InboundSmtpPort"] = "0",
            ["Conversations:Email:From"] = "Support <support@example.com>",
            ["Conversations:Email:SmtpUser"] = "user",
            ["Conversations:Email:TokenSecret"] = "short",
        }).Build();

        var error = Assert.Throws<InvalidSettingsException>(() => new ServiceCollection().AddConversationsSettings(configuration));

        foreach (var key in new[] { "TokenSecret", "SmtpPort", "InboundSmtpPort", "From", "SmtpPassword" })
        {
            Assert.Contains($"Conversations:Email:{key}", error.Message);
        }
    }

    [Fact, Trait("Spec", "TIC-2")]
    public void TIC2_a_complete_email_configuration_binds()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Conversations:StorageConnectionString"] = "UseDevelopmentStorage=true",
            ["Conversations:Email:SmtpHost"] = "127.0.0.1",
            ["Conversations:Email:SmtpPort"] = "2525",
            ["Conversations:Email:InboundSmtpPort"] = "2526",
            ["Conversations:Email:From"] = "help@example.com",
            ["Conversations:Email:TokenSecret"] = new string('k', 40),
        }).Build();

        var email = new ServiceCollection().AddConversationsSettings(configuration).Email;

        Assert.Equal(("127.0.0.1", 2525, 2526, "help@example.com"), (email.SmtpHost, email.SmtpPort, email.InboundSmtpPort, email.From));
        Assert.True(email.SendsMail && email.ReceivesMail);
    }
}
