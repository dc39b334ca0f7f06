using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Conversations.Hosting.DataProtection;

/// <summary>
/// The data-protection key ring in blob storage (Azurite locally), one blob per key, so every web node reads the
/// same keys: a session cookie made on one node is valid on all of them, behind a load balancer that is not sticky.
/// </summary>
public sealed class BlobKeyRepository(BlobServiceClient blobs) : IXmlRepository
{
    public const string Container = "data-protection-keys";

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(Container);
    private bool _created;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureContainer();
        var elements = new List<XElement>();
        foreach (var item in _container.GetBlobs())
        {
            using var stream = _container.GetBlobClient(item.Name).DownloadContent().Value.Content.ToStream();
            elements.Add(XElement.Load(stream));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        EnsureContainer();
        using var stream = new MemoryStream();
        element.Save(stream, SaveOptions.DisableFormatting);
        stream.Position = 0;
        _container.GetBlobClient($"{friendlyName}.xml").Upload(stream, overwrite: true);
    }

    private void EnsureContainer()
    {
        if (!_created)
        {
            _container.CreateIfNotExists();
            _created = true;
        }
    }
}
