namespace Conversations.Web.Admission;

/// <summary>A call's place in <see cref="NodeAdmission"/>: disposing it ends the call and reports how long it took.</summary>
public sealed class AdmissionPermit(NodeAdmission admission, long startedAt) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            admission.Exit(startedAt);
        }
    }
}
