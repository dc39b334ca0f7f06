namespace Conversations.Tests.Infrastructure;

/// <summary>An <see cref="EmailCluster"/> with a web node in front of it, for what members do with email over REST.</summary>
public sealed class EmailWebCluster : IAsyncLifetime
{
    private ConversationsWebFactory? _web;

    public EmailCluster Email { get; } = new();

    public ConversationsWebFactory Web => _web ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await Email.InitializeAsync();
        _web = ConversationsWebFactory.Start(Email.Cluster.Settings);
    }

    public async Task DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }

        await Email.DisposeAsync();
    }
}
