namespace Flopwise.Cli;

/// <summary>Reads the input files a user names (catalogs, configs); a file that cannot be read is the user's error.</summary>
internal static class TextFiles
{
    public static string Read(string option, string path)
    {
        try
        {
            string text = File.ReadAllText(path);
            if (text.Trim().Length == 0)
            {
                throw new UsageException(ErrorText.ForOption(option, "names an empty file", path, "a JSON file"));
            }

            return text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string why = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "names a file that does not exist",
                UnauthorizedAccessException => "names a file that cannot be read (permission denied)",
                _ => "names a file that cannot be read",
            };
            throw new UsageException(ErrorText.ForOption(option, why, InputOptions.Quote(path), "a readable JSON file"), e);
        }
    }
}
