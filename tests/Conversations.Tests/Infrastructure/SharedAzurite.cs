namespace Conversations.Tests.Infrastructure;

/// <summary>One Azurite for the whole test run, stopped when the test process exits.</summary>
public static class SharedAzurite
{
    private static readonly Lazy<Task<AzuriteProcess>> Instance = new(StartAsync);

    public static Task<AzuriteProcess> GetAsync() => Instance.Value;

    private static async Task<AzuriteProcess> StartAsync()
    {
        var azurite = await AzuriteProcess.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite;
    }
}
