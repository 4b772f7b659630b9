namespace Flopwise.Cli;

/// <summary>Reads the input files a user names (catalogs, configs); a file that cannot be read is the user's error.</summary>
internal static class TextFiles
{
    /// <summary>The largest JSON file read (a catalog, a config, a law): 16 MB.</summary>
    public const long MaxJsonBytes = 16_000_000;

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> bytes of text (UTF-8, or as its byte-order mark says); a longer file
    /// (or a device that never ends, such as <c>/dev/zero</c>) sets <paramref name="tooLarge"/> after reading one byte more.
    /// </summary>
    public static string ReadLimited(string path, long maxBytes, out bool tooLarge)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var bytes = new MemoryStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        while (total <= maxBytes)
        {
            int read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes + 1 - total));
            if (read == 0)
            {
                break;
            }

            bytes.Write(buffer, 0, read);
            total += read;
        }

        tooLarge = total > maxBytes;
        if (tooLarge)
        {
            return string.Empty;
        }

        bytes.Position = 0;
        using var reader = new StreamReader(bytes, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    public static string Read(string option, string path)
    {
        try
        {
            string text = ReadLimited(path, MaxJsonBytes, out bool tooLarge);
            if (tooLarge)
            {
                throw new UsageException(ErrorText.ForOption(option, "names a file larger than 16 MB", InputOptions.Quote(path), "a JSON file of at most 16 MB"));
            }

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
