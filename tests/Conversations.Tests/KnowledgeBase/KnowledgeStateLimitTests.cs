using Conversations.Grains.Interfaces.Common;
using Conversations.Grains.Interfaces.KnowledgeBase;
using Conversations.Grains.KnowledgeBase;
using Conversations.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Conversations.Tests.KnowledgeBase;

/// <summary>
/// The largest states the limits allow, written through the silo's own grain storage provider to Azurite,
/// with three-byte characters everywhere: they must fit the table entity and read back whole.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class KnowledgeStateLimitTests(ClusterFixture fixture)
{
    private const char Wide = '語';

    [Fact, Trait("Spec", "KB-1")]
    public async Task KB1_a_catalogue_half_again_as_large_as_allowed_fits_one_grain_state()
    {
        var state = new KnowledgeBaseState { Name = Text(KnowledgeLimits.MaxNameLength), Version = 1 };
        state.Categories.AddRange(Enumerable.Range(0, KnowledgeLimits.MaxCategoriesPerKnowledgeBase)
            .Select(_ => new KnowledgeCategory(Guid.NewGuid(), Text(KnowledgeLimits.MaxNameLength))));
        var entries = KnowledgeLimits.MaxArticlesPerKnowledgeBase * 3 / 2;
        state.Articles.AddRange(Enumerable.Range(0, entries)
            .Select(_ => new ArticleSummary(Guid.NewGuid(), Guid.NewGuid(), Text(KnowledgeLimits.MaxTitleLength),
                new string('s', KnowledgeLimits.MaxSlugLength), ArticleStatus.Published, DateTimeOffset.UtcNow)));

        var read = await RoundTripAsync(state);

        Assert.Equal(entries, read.Articles.Count);
        Assert.Equal(state.Articles[^1], read.Articles[^1]);
    }

    [Fact, Trait("Spec", "KB-3")]
    public async Task KB3_a_full_set_of_shortcuts_fits_one_grain_state()
    {
        var count = KnowledgeLimits.MaxShortcutCharactersPerProperty / KnowledgeLimits.MaxShortcutMessageLength;
        var state = new ShortcutsState();
        state.Shortcuts.AddRange(Enumerable.Range(0, KnowledgeLimits.MaxShortcutsPerProperty).Select(i => new Shortcut(
            $"shortcut-{i}", i < count ? Text(KnowledgeLimits.MaxShortcutMessageLength) : "x", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)));

        var read = await RoundTripAsync(state);

        Assert.Equal(state.Shortcuts.Sum(s => s.Message.Length), read.Shortcuts.Sum(s => s.Message.Length));
    }

    [Fact, Trait("Spec", "KB-1")]
    public async Task KB1_the_longest_article_body_fits_one_grain_state()
    {
        var state = new ArticleState { Title = Text(KnowledgeLimits.MaxTitleLength), Body = Text(KnowledgeLimits.MaxBodyLength), Version = 1 };

        Assert.Equal(state.Body, (await RoundTripAsync(state)).Body);
    }

    private async Task<T> RoundTripAsync<T>(T state) where T : new()
    {
        var storage = fixture.Cluster.Silos[0].Services.GetRequiredKeyedService<IGrainStorage>(ConversationsNames.GrainStorage);
        var grainId = GrainId.Create("knowledge-limit-test", Guid.NewGuid().ToString("N"));
        await storage.WriteStateAsync("limit", grainId, new GrainState<T>(state));

        var read = new GrainState<T>(new T());
        await storage.ReadStateAsync("limit", grainId, read);
        var stored = read.State ?? throw new InvalidOperationException("The state did not read back.");
        await storage.ClearStateAsync("limit", grainId, read);
        return stored;
    }

    private static string Text(int length) => new(Wide, length);
}
