using Conversations.Grains.Interfaces.Configuration;

namespace Conversations.Tests.Infrastructure;

public static class TestSettings
{
    /// <summary>The <c>Conversations:*</c> keys of <paramref name="settings"/>, plus any extra keys.</summary>
    public static Dictionary<string, string?> For(ConversationsSettings settings, Dictionary<string, string?>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Conversations:StorageConnectionString"] = settings.StorageConnectionString,
            ["Conversations:ClusterId"] = settings.ClusterId,
            ["Conversations:ServiceId"] = settings.ServiceId,
            ["Conversations:Streams"] = settings.Streams.ToString(),
        };
        foreach (var (key, value) in extra ?? [])
        {
            values[key] = value;
        }

        return values;
    }
}
