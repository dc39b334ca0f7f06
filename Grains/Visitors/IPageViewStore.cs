using Conversations.Grains.Interfaces.Visitors;

namespace Conversations.Grains.Visitors;

/// <summary>The full page view timeline of visitors, beyond the recent window a visitor grain keeps.</summary>
public interface IPageViewStore
{
    Task AppendAsync(string visitorKey, long sequence, PageView pageView, CancellationToken cancellationToken = default);
}
