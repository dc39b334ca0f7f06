using System.Net;
using Conversations.Grains.Interfaces.Visitors;
using MaxMind.Db;
using Microsoft.Extensions.Options;

namespace Conversations.Web.Visitors;

/// <summary>Looks IP addresses up in the GeoLite2 city database (fields country_code, state1, city); unknown without a database.</summary>
public sealed class GeoIpLocator : IDisposable
{
    private readonly List<Reader> _readers = [];

    public GeoIpLocator(IOptions<VisitorSettings> options, IHostEnvironment environment, ILogger<GeoIpLocator> logger)
    {
        var path = Path.GetFullPath(options.Value.GeoIpDatabasePath, environment.ContentRootPath);
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.mmdb").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : [];
        foreach (var file in files)
        {
            _readers.Add(new Reader(file, FileAccessMode.MemoryMapped));
        }

        if (_readers.Count == 0)
        {
            logger.LogWarning("No GeoIP database at {Path}; visitor locations stay unknown.", path);
        }
    }

    public VisitorLocation? Locate(IPAddress? address)
    {
        if (address is null || IPAddress.IsLoopback(address))
        {
            return null;
        }

        foreach (var reader in _readers)
        {
            if (reader.Metadata.IPVersion == 4 && address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                continue;
            }

            var record = Find(reader, address);
            if (record is not null)
            {
                return new VisitorLocation(Text(record, "country_code"), Text(record, "state1"), Text(record, "city"));
            }
        }

        return null;
    }

    public void Dispose() => _readers.ForEach(r => r.Dispose());

    private static Dictionary<string, object>? Find(Reader reader, IPAddress address)
    {
        try
        {
            return reader.Find<Dictionary<string, object>>(address);
        }
        catch (Exception ex) when (ex is InvalidDatabaseException or ArgumentException)
        {
            return null;
        }
    }

    private static string? Text(Dictionary<string, object> record, string key) =>
        record.TryGetValue(key, out var value) && value is string { Length: > 0 } text ? text : null;
}
