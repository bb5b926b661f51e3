using System.IO.Compression;
using System.IO.Hashing;

namespace Notes.Api.Features.Transfer.Import;

/// <summary>The upload as a whole cannot be imported (not a kind of file this reads, or a zip past a limit): a 400 with this code.</summary>
internal sealed class UploadRefused(string code, string detail) : Exception(detail)
{
    public string Code { get; } = code;
}

/// <summary>
/// Reads an uploaded file into the notes it holds: a NotesSlices JSON export, one Markdown or text file, or a zip of Markdown and
/// text files in folders of any depth (a Joplin or Obsidian export, a folder of notes zipped). Everything happens in memory: a
/// name inside a zip is only ever a string in a report and a source, never a path on disk, so <c>../../etc/passwd</c> is just a
/// note's name.
/// </summary>
internal static class Upload
{
    static readonly string[] MarkdownExtensions = [".md", ".markdown", ".txt"];

    public static (List<ImportedNote> Notes, List<ImportFailure> Failed) Read(string fileName, byte[] bytes, ImportOptions options)
    {
        if (IsZip(bytes))
            return ReadZip(bytes, options);
        if (fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return NotesSlicesExport.Read(fileName, bytes);
        if (IsMarkdown(fileName))
        {
            var (note, failure) = MarkdownFile.Read(fileName, bytes);
            return (note is null ? [] : [note], failure is null ? [] : [failure]);
        }
        throw new UploadRefused(ProblemCodes.ImportFormatUnknown,
            "Send a NotesSlices export (.json), a Markdown or text file (.md, .markdown, .txt), or a zip of such files.");
    }

    /// <summary>A local file header, or the end of an empty archive: what every zip opens with.</summary>
    static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\x03\x04"u8) || bytes.StartsWith("PK\x05\x06"u8);

    static bool IsMarkdown(string name) => MarkdownExtensions.Any(extension => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The zip's Markdown and text files, each read as a note. The limits are checked on the central directory before anything is
    /// expanded, and the bytes actually inflated are counted too, so an entry that declares less than it holds stops at the limit.
    /// Other files (images, an app's settings) and macOS's <c>__MACOSX/</c> copies are left out without a word.
    /// </summary>
    static (List<ImportedNote> Notes, List<ImportFailure> Failed) ReadZip(byte[] bytes, ImportOptions options)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new UploadRefused(ProblemCodes.ImportFormatUnknown, "The file looks like a zip but cannot be read as one.");
        }
        using (zip)
        {
            if (zip.Entries.Count > options.MaxFiles)
                throw TooLarge($"The zip holds {zip.Entries.Count} entries; an import takes at most {options.MaxFiles}.");
            if (zip.Entries.Sum(e => e.Length) > options.MaxExpandedBytes)
                throw TooLarge($"The zip would expand to more than {options.MaxExpandedBytes} bytes, the most an import takes.");

            var (notes, failed) = (new List<ImportedNote>(), new List<ImportFailure>());
            var inflated = 0L;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/') || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) || !IsMarkdown(entry.FullName))
                    continue;
                byte[] content;
                try
                {
                    content = Inflate(entry, options.MaxExpandedBytes - inflated);
                }
                catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
                {
                    failed.Add(new(entry.FullName, "It cannot be read from the zip: damaged (its size or checksum does not match), encrypted, or compressed in a way this does not read.", NoteImported: false));
                    continue;
                }
                inflated += content.Length;
                var (note, failure) = MarkdownFile.Read(entry.FullName, content);
                if (note is not null)
                    notes.Add(note);
                if (failure is not null)
                    failed.Add(failure);
            }
            return (notes, failed);
        }
    }

    /// <summary>
    /// The entry's bytes, read no further than one past the most a note's file may hold (<see cref="MarkdownFile.MaxFileBytes"/>,
    /// which its reader then refuses) and refused outright past what the whole import may still expand to. An entry read whole must
    /// match its checksum: .NET 10 stops reading an entry at its declared size without a word (measured: five entries of 600 KB
    /// declaring 1 KB each came out as 1 KB each), so a header that lies would otherwise leave a note cut short. The count stays
    /// for a runtime that reads on past the declared size.
    /// </summary>
    static byte[] Inflate(ZipArchiveEntry entry, long allowance)
    {
        using var stream = entry.Open();
        using var content = new MemoryStream();
        var checksum = new Crc32();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            content.Write(buffer, 0, read);
            checksum.Append(buffer.AsSpan(0, read));
            if (content.Length > allowance)
                throw TooLarge("The zip expands to more than it declares, past the most an import takes.");
            if (content.Length > MarkdownFile.MaxFileBytes)
                return content.ToArray();
        }
        if (checksum.GetCurrentHashAsUInt32() != entry.Crc32)
            throw new InvalidDataException("The entry does not match its checksum.");
        return content.ToArray();
    }

    static UploadRefused TooLarge(string detail) => new(ProblemCodes.ImportTooLarge, detail);
}
