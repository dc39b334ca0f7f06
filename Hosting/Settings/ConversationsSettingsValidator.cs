using Azure.Data.Tables;
using Conversations.Grains.Interfaces.Configuration;
using Microsoft.Extensions.Options;

namespace Conversations.Hosting.Settings;

/// <summary>
/// <c>Conversations:*</c> as the silo and the web node need it: every problem <see cref="ConversationsSettings.Problems"/>
/// finds (storage, cluster, email ports and limits), and a connection string the storage clients can read.
/// </summary>
public sealed class ConversationsSettingsValidator : IValidateOptions<ConversationsSettings>
{
    public ValidateOptionsResult Validate(string? name, ConversationsSettings settings)
    {
        var problems = settings.Problems().ToList();
        if (!string.IsNullOrWhiteSpace(settings.StorageConnectionString) && ConnectionStringProblem(settings.StorageConnectionString) is { } problem)
        {
            problems.Add($"{ConversationsSettings.SectionName}:StorageConnectionString is not an Azure Storage connection string ({problem}); "
                + "use 'UseDevelopmentStorage=true' for Azurite, or AccountName/AccountKey with the endpoints.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new TableServiceClient(connectionString);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return e.Message.TrimEnd('.');
        }
    }
}
