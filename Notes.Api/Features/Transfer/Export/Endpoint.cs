using System.Net.Mime;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Transfer.Export;

internal sealed class Endpoint(Data data, TimeProvider clock) : Endpoint<Request>
{
    public const string ZipContentType = "application/zip";

    public override void Configure()
    {
        Get("export");
        Group<TransferGroup>();
        Description(d => d
            .Produces<ExportDocument>(StatusCodes.Status200OK, MediaTypeNames.Application.Json)
            .WithMetadata(new FileResponse(StatusCodes.Status200OK, ZipContentType), new AllowedValues("format", Request.Formats)));
        Summary(s =>
        {
            s.Summary = "Download all your notes: a JSON document, or a zip of Markdown files";
            s.Description = "Every note of yours, the archive and the trash included, as a file to save (Content-Disposition: attachment). " +
                "format=json gives a NotesSlices document with every field of each note, which an import takes back as it was; with " +
                "includeRevisions=true each note carries its history too. format=markdown gives a zip of one .md file per note, named " +
                "from its title, with YAML front matter as Joplin writes it (title, created, updated, tags; pinned and archived when " +
                "true): notes in use at the root, archived ones in archive/, those in the trash in trash/. The file is sent as it is " +
                "read from the database, so it begins at once however many notes you have; should the database fail midway, the " +
                "download breaks off rather than end as a file that looks whole.";
            s.Responses[StatusCodes.Status200OK] = "The export: application/json for format=json, application/zip for format=markdown.";
            s.ResponseHeaders.Add(new(StatusCodes.Status200OK, "Content-Disposition")
            {
                Description = "attachment, with the file's name: notes-<the day in UTC>.json or .zip.",
                Example = "attachment; filename=\"notes-2026-12-01.json\"",
            });
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.UtcNowForMongo();
        // Both queries run, and their first batches arrive, before anything is sent: a database away at the start is still a 503.
        using var notes = await data.NotesAsync(req.UserId, now, ct);
        using var revisions = req.Format == Request.Json && req.IncludeRevisions ? await data.RevisionsAsync(req.UserId, ct) : null;

        var response = HttpContext.Response;
        var json = req.Format == Request.Json;
        response.ContentType = json ? MediaTypeNames.Application.Json : ZipContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"notes-{now:yyyy-MM-dd}.{(json ? "json" : "zip")}\"";
        if (json)
            await JsonExport.WriteAsync(response.BodyWriter, now, req.Username, notes, revisions, ct);
        else
            await MarkdownExport.WriteAsync(response.Body, notes, ct);
    }
}
