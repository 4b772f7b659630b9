namespace Flopwise.Tests.Shared;

/// <summary>Finds the repository root (the directory holding Flopwise.slnx) from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !System.IO.File.Exists(System.IO.Path.Combine(directory, "Flopwise.slnx")))
        {
            directory = System.IO.Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("Flopwise.slnx not found above " + AppContext.BaseDirectory);
    }
}
