namespace Conversations.Grains.Interfaces.Email;

/// <summary>Which property a support address belongs to, keyed by the normalised address (TIC-1 by email).</summary>
[Alias("Conversations.ISupportAddressGrain")]
public interface ISupportAddressGrain : IGrainWithStringKey
{
    /// <summary>Claims the address for the property; false when another property holds it.</summary>
    [Alias("Claim")]
    Task<bool> ClaimAsync(string propertyId);

    /// <summary>Lets the address go if the property holds it; harmless otherwise.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string propertyId);

    [Alias("GetProperty")]
    Task<string?> GetPropertyAsync();
}
