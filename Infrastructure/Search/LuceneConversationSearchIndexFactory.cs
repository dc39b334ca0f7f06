using System.Diagnostics;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Conversations.Grains.Search;
using Lucene.Net.Store;

namespace Conversations.Infrastructure.Search;

/// <summary>
/// Makes each activation's index in its own folder on the silo's local disk (memory-mapped), removed when the activation
/// ends; folders left by processes that died are removed at start. With a blob container, snapshots go there
/// (<c>{service}/{property}/manifest.json</c>, and the commit's files, conversation ordinals and follower state under
/// <c>{service}/{property}/{epoch}/</c>): only the files a commit adds are uploaded, and the files it no longer uses are deleted.
/// </summary>
public sealed class LuceneConversationSearchIndexFactory : IConversationSearchIndexFactory
{
    private static readonly StorageTransferOptions Transfer = new() { InitialTransferSize = 4 << 20, MaximumTransferSize = 4 << 20, MaximumConcurrency = 2 };

    private readonly string _root;
    private readonly BlobContainerClient? _snapshots;
    private readonly string _service;
    private bool _containerReady;

    /// <param name="snapshots">Where snapshots are kept; none (the benchmark) keeps the index on local disk only.</param>
    public LuceneConversationSearchIndexFactory(BlobContainerClient? snapshots = null, string service = "conversations", string? root = null)
    {
        var parent = root ?? Path.Combine(Path.GetTempPath(), "conversations-search");
        _root = Path.Combine(parent, $"pid-{Environment.ProcessId}");
        _snapshots = snapshots;
        _service = service;
        RemoveFoldersOfDeadProcesses(parent);
    }

    public IConversationSearchIndex Create(string propertyId)
    {
        var folder = NewFolder();
        return new LuceneConversationSearchIndex(new MMapDirectory(folder), () => TryDelete(folder)) { Epoch = Guid.NewGuid() };
    }

    public async Task<RestoredSearchIndex?> RestoreAsync(string propertyId, CancellationToken cancellationToken = default)
    {
        if (_snapshots is null)
        {
            return null;
        }

        var prefix = Prefix(propertyId);
        SearchSnapshotManifest manifest;
        try
        {
            var content = (await _snapshots.GetBlobClient($"{prefix}/manifest.json").DownloadContentAsync(cancellationToken)).Value.Content;
            manifest = content.ToObjectFromJson<SearchSnapshotManifest>()!;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        if (manifest.Schema != LuceneConversationSearchIndex.Schema)
        {
            return null;
        }

        var folder = NewFolder();
        try
        {
            var files = $"{prefix}/{manifest.Epoch:N}";
            foreach (var file in manifest.Files)
            {
                await _snapshots.GetBlobClient($"{files}/{file}").DownloadToAsync(Path.Combine(folder, file), transferOptions: Transfer, cancellationToken: cancellationToken);
            }

            var ordinals = (await _snapshots.GetBlobClient($"{files}/ordinals-{manifest.Generation}").DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
            var state = (await _snapshots.GetBlobClient($"{files}/state-{manifest.Generation}").DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
            var index = new LuceneConversationSearchIndex(new MMapDirectory(folder), () => TryDelete(folder), ordinals) { Epoch = manifest.Epoch };
            index.UploadedFiles.UnionWith(manifest.Files);
            return new RestoredSearchIndex(index, state, manifest.TakenAt);
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    public Task SaveSnapshotAsync(string propertyId, IConversationSearchIndex index, byte[] followerState, CancellationToken cancellationToken = default)
    {
        if (_snapshots is null || index is not LuceneConversationSearchIndex { Folder: { } folder } lucene)
        {
            return Task.CompletedTask;
        }

        var commit = lucene.Commit();
        return UploadAsync(Prefix(propertyId), lucene, folder, commit, followerState, cancellationToken);
    }

    private async Task UploadAsync(
        string prefix, LuceneConversationSearchIndex index, string folder, IndexCommitSnapshot commit, byte[] followerState, CancellationToken cancellationToken)
    {
        try
        {
            var container = await ContainerAsync(cancellationToken);
            var files = $"{prefix}/{index.Epoch:N}";
            foreach (var file in commit.Files.Where(f => !index.UploadedFiles.Contains(f)))
            {
                await container.GetBlobClient($"{files}/{file}").UploadAsync(Path.Combine(folder, file),
                    new BlobUploadOptions { TransferOptions = Transfer }, cancellationToken);
                index.UploadedFiles.Add(file);
            }

            await container.GetBlobClient($"{files}/ordinals-{commit.Generation}").UploadAsync(new BinaryData(commit.Ordinals), overwrite: true, cancellationToken);
            await container.GetBlobClient($"{files}/state-{commit.Generation}").UploadAsync(new BinaryData(followerState), overwrite: true, cancellationToken);
            var manifest = new SearchSnapshotManifest(index.Epoch, commit.Generation, commit.Files, DateTimeOffset.UtcNow, LuceneConversationSearchIndex.Schema);
            await container.GetBlobClient($"{prefix}/manifest.json").UploadAsync(BinaryData.FromObjectAsJson(manifest), overwrite: true, cancellationToken);

            var keep = new HashSet<string>(commit.Files.Select(f => $"{files}/{f}")) { $"{prefix}/manifest.json", $"{files}/ordinals-{commit.Generation}", $"{files}/state-{commit.Generation}" };
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix + "/" }, cancellationToken))
            {
                if (!keep.Contains(blob.Name))
                {
                    await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
                }
            }

            index.UploadedFiles.IntersectWith(commit.Files);
        }
        finally
        {
            commit.Release();
        }
    }

    private string Prefix(string propertyId) => $"{Uri.EscapeDataString(_service)}/{Uri.EscapeDataString(propertyId)}";

    // Not remembered until creation succeeds, so storage that was down at first use is tried again.
    private async Task<BlobContainerClient> ContainerAsync(CancellationToken cancellationToken)
    {
        if (!_containerReady)
        {
            await _snapshots!.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _containerReady = true;
        }

        return _snapshots!;
    }

    private string NewFolder()
    {
        var folder = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        return folder;
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
