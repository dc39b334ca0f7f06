namespace Conversations.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding Conversations.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(Root, "test-artifacts")).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conversations.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Conversations.sln was not found above " + AppContext.BaseDirectory);
    }
}
