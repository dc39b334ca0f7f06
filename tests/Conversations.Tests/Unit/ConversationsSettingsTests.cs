using Conversations.Grains.Interfaces.Configuration;
using Conversations.Hosting.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Tests.Unit;

public sealed class ConversationsSettingsTests
{
    [Fact]
    public void Missing_storage_and_cluster_settings_fail_at_start_naming_each_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Conversations:ClusterId"] = " ",
        }).Build();

        var error = Assert.Throws<InvalidSettingsException>(() => new ServiceCollection().AddConversationsSettings(configuration));

        Assert.Contains("Conversations:StorageConnectionString is required", error.Message);
        Assert.Contains("Conversations:ClusterId must not be empty", error.Message);
    }

    [Fact]
    public void Complete_settings_load_with_their_values()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Conversations:StorageConnectionString"] = "UseDevelopmentStorage=true",
            ["Conversations:Streams"] = "AzureQueue",
        }).Build();

        var settings = new ServiceCollection().AddConversationsSettings(configuration);

        Assert.Equal((StreamProviderKind.AzureQueue, "conversations-dev"), (settings.Streams, settings.ClusterId));
    }
}
