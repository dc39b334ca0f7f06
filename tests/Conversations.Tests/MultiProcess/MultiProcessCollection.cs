namespace Conversations.Tests.MultiProcess;

/// <summary>
/// Clusters of real processes whose tests measure recovery times (10 s after a kill, 30 s to offline): they run one at a
/// time and alone, after the parallel tests, so two clusters and the rest of the suite do not share 2 cores with them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiProcessCollection
{
    public const string Name = "MultiProcess";
}
