namespace Notes.Api.Tests.Support;

/// <summary>The checkout the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding NotesSlices.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    static string FindRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NotesSlices.sln")))
            root = root.Parent;
        return root?.FullName ?? throw new InvalidOperationException($"No NotesSlices.sln above {AppContext.BaseDirectory}.");
    }
}
