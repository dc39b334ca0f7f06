using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Visitors;

/// <summary>The full page view timeline of visitors, beyond the recent window a visitor grain keeps.</summary>
public interface IPageViewStore
{
    Task AppendAsync(string visitorKey, PageView pageView, CancellationToken cancellationToken = default);

    /// <summary>Page views with a sequence below <paramref name="beforeSequence"/>, newest first.</summary>
    Task<IReadOnlyList<PageView>> ReadAsync(string visitorKey, long beforeSequence, int maxCount, CancellationToken cancellationToken = default);
}
