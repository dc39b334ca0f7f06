using System.Diagnostics;
using Conversations.Grains.Search;
using Lucene.Net.Store;

namespace Conversations.Infrastructure.Search;

/// <summary>
/// Makes each activation's index in its own folder on the silo's local disk (memory-mapped), removed when the activation
/// ends. The disk is a cache only: the index is rebuilt from the inbox rows and the message table when the search grain
/// activates, so it follows the grain to any silo. Folders left by processes that died are removed at start.
/// </summary>
public sealed class LuceneConversationSearchIndexFactory : IConversationSearchIndexFactory
{
    private readonly string _root;

    public LuceneConversationSearchIndexFactory(string? root = null)
    {
        var parent = root ?? Path.Combine(Path.GetTempPath(), "conversations-search");
        _root = Path.Combine(parent, $"pid-{Environment.ProcessId}");
        RemoveFoldersOfDeadProcesses(parent);
    }

    public IConversationSearchIndex Create(string propertyId)
    {
        var folder = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        return new LuceneConversationSearchIndex(new MMapDirectory(folder), () => TryDelete(folder));
    }

    private static void RemoveFoldersOfDeadProcesses(string parent)
    {
        if (!System.IO.Directory.Exists(parent))
        {
            return;
        }

        foreach (var folder in System.IO.Directory.GetDirectories(parent, "pid-*"))
        {
            if (int.TryParse(Path.GetFileName(folder)["pid-".Length..], out var pid) && !IsRunning(pid))
            {
                TryDelete(folder);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
