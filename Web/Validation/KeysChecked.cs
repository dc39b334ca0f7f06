namespace Conversations.Web.Validation;

/// <summary>Endpoint metadata: the endpoint's keys are checked by <see cref="KeyValidationFilter"/>.</summary>
public sealed class KeysChecked
{
    public static readonly KeysChecked Instance = new();

    private KeysChecked()
    {
    }
}
