using System.Security.Cryptography;
using System.Text;

namespace Conversations.Grains.Interfaces.Agents;

public static class ApiTokenHash
{
    public const string Prefix = "cvt_";

    /// <summary>The key of the token's grain: hex SHA-256 of the secret (the secret itself is never stored).</summary>
    public static string Of(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
