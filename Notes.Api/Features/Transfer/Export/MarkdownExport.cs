using System.IO.Compression;
using System.Text;
using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Transfer.Export;

/// <summary>
/// Writes the Markdown export, a zip of one file per note, to the response as the notes come from their cursor: a zip written
/// to a stream that cannot seek puts each file's sizes after its data, so what is held back is only the directory the archive
/// ends with (its name and a few numbers, some 80 bytes a file) and the names given so far. Notes in use at the root, archived
/// ones in archive/, those in the trash in trash/.
/// </summary>
internal static class MarkdownExport
{
    public const string ArchiveFolder = "archive/";
    public const string TrashFolder = "trash/";

    /// <summary>Bytes of files written and not yet sent, past which they go out before the next note.</summary>
    const int SendAbove = 32 * 1024;

    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(Stream body, IAsyncCursor<NoteResponse> notes, CancellationToken ct)
    {
        var output = new WriteBehindStream(body);
        var names = new FileNames();
        await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Utf8, ct))
        {
            // The first batch came with the query: it goes out at once, and each later one as soon as it has arrived.
            while (await notes.MoveNextAsync(ct))
            {
                foreach (var note in notes.Current)
                {
                    var folder = note.TrashedAt is not null ? TrashFolder : note.Archived ? ArchiveFolder : "";
                    var entry = zip.CreateEntry(folder + names.Take(folder, note.Title), CompressionLevel.Fastest);
                    entry.LastWriteTime = note.UpdatedAt;
                    await using (var file = await entry.OpenAsync(ct))
                        await file.WriteAsync(Utf8.GetBytes(FrontMatter.Of(note)), ct);
                    if (output.Pending > SendAbove)
                        await output.SendAsync(ct);
                }
                await output.SendAsync(ct);
            }
        }
        await output.SendAsync(ct);
    }
}
