using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using Notes.Api.Features.Notes;
using Notes.Api.Infrastructure.Mongo;
using Notes.Api.Infrastructure.Telemetry;

namespace Notes.Api.Features.Transfer.Import;

internal sealed class Endpoint(
    Data data, IdempotencyKeys idempotency, IOptions<ImportOptions> importOptions, IOptions<NotesOptions> notesOptions, TimeProvider clock,
    NotesMetrics metrics, ILogger<Endpoint> logger)
    : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("import");
        Group<TransferGroup>();
        AllowFileUploads();
        Options(b => b.WithMetadata(new LargerBodyLimit(services => services.GetRequiredService<IOptions<ImportOptions>>().Value.MaxBytes)));
        Description(d => d
            .Accepts<Request>("multipart/form-data")
            .Produces<Response>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity)
            .Produces<QuotaProblem>(StatusCodes.Status409Conflict, Problem.ContentType));
        Summary(s =>
        {
            s.Summary = "Import notes";
            s.Description = "Imports the notes in one uploaded file (multipart/form-data, the part named file): a NotesSlices export " +
                "(.json, as GET /api/export?format=json gives it), a Markdown or text file (.md, .markdown, .txt), or a zip of such files " +
                "in folders of any depth (a Joplin or Obsidian export). Markdown front matter gives title, tags (a list, [a, b], or " +
                "a, b), created, updated, pinned and archived; without a title there, the first # heading or else the file's name is " +
                "the title, and the file's text is the note's. Notes keep their times; each gets a new id and version 1. A note " +
                "imported before (the same exported note, or the same file at the same path with the same content) is skipped. A file " +
                "that cannot be a note is left out and reported, and the rest is imported.";
            s.Params[nameof(Request.IdempotencyKey)] = "A key of your choosing, new for each import (a UUID, say), at most " +
                $"{IdempotencyKeys.MaxKeyLength} characters. Send the same key and file again to retry an import whose answer you did " +
                "not get: for a day you get the first answer again. A retry never doubles a note either way.";
            s.Responses[StatusCodes.Status200OK] = "What the import did: notes created, notes skipped as imported before, and each file " +
                "left out or note changed, with the reason.";
            s.Responses[StatusCodes.Status400BadRequest] = "No file (validation_failed); not a kind of file this imports (import_format_unknown); " +
                "a zip with more entries than Import:MaxFiles or expanding past Import:MaxExpandedBytes (import_too_large). Nothing was imported.";
            s.Responses[StatusCodes.Status409Conflict] = "The new notes would take you past the notes one user may keep (quota_reached, with " +
                "fits); or the first request with this Idempotency-Key is still running: Retry-After says when a retry may take over. " +
                "Nothing was imported.";
            s.Responses[StatusCodes.Status413PayloadTooLarge] = "The upload is over Import:MaxBytes (10 MiB unless configured).";
            s.Responses[StatusCodes.Status415UnsupportedMediaType] = "The request is not multipart/form-data.";
            s.Responses[StatusCodes.Status422UnprocessableEntity] = "This Idempotency-Key came before with another file; nothing was imported.";
            s.ResponseHeaders.Add(ProblemResponses.RetryAfter(StatusCodes.Status409Conflict));
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (Form.Files.Count > 1)
        {
            await Send.ResultAsync(Problems.Of(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, "Send one file at a time.",
                errors: [new FieldError("file", "Send one file at a time.")]));
            return;
        }
        var file = req.File!;
        var bytes = new byte[file.Length];
        await using (var upload = file.OpenReadStream())
            await upload.ReadExactlyAsync(bytes, ct);

        if (req.IdempotencyKey is { } key)
        {
            var claim = await idempotency.BeginAsync(HttpContext, req.UserId, key, Fingerprint(file.FileName, bytes), ct);
            if (claim.Refusal is not null || claim.Answered is not null)
            {
                await (claim.Refusal is { } refusal ? Send.ResultAsync(refusal) : Send.OkAsync(BsonSerializer.Deserialize<Response>(claim.Answered), ct));
                return;
            }
        }

        var (outcome, refused) = await ImportAsync(req, file.FileName, bytes, ct);
        if (refused is not null)
        {
            if (req.IdempotencyKey is not null)
                await idempotency.ReleaseAsync(req.UserId, req.IdempotencyKey, ct);
            await Send.ResultAsync(refused);
            return;
        }

        var report = outcome!;
        if (req.IdempotencyKey is not null)
            await idempotency.CompleteAsync(req.UserId, req.IdempotencyKey, report.ToBsonDocument(), ct);
        // Counts only: file names inside an upload are often note titles, which stay out of the log as note text does.
        logger.LogInformation("User {UserId} imported {Created} notes, skipped {Skipped} imported before, {Failed} reported, from {UploadBytes} bytes",
            req.UserId, report.Created, report.Skipped, report.Failed.Count, bytes.Length);
        await Send.OkAsync(report, ct);
    }

    async Task<(Response? Report, IResult? Refused)> ImportAsync(Request req, string fileName, byte[] bytes, CancellationToken ct)
    {
        List<ImportedNote> read;
        List<ImportFailure> failed;
        try
        {
            (read, failed) = Upload.Read(fileName, bytes, importOptions.Value);
        }
        catch (UploadRefused refusal)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, refusal.Code, refusal.Message));
        }

        var now = clock.UtcNowForMongo();
        var retention = notesOptions.Value.TrashRetention;
        var candidates = new List<ImportedNote>();
        foreach (var note in read)
        {
            if (note.TrashedAt + retention <= now)
                failed.Add(new(note.File, $"{NoteNamed(note)} went to the trash more than {retention.TotalDays:0} days ago: the trash would delete it at once.", NoteImported: false));
            else
                candidates.Add(note);
        }
        // Twice in one upload (a note listed twice in an export) is once, as it would be in two uploads.
        var unique = candidates.DistinctBy(n => n.Source, StringComparer.Ordinal).ToList();
        var here = await data.AlreadyHereAsync(req.UserId, unique, ct);
        var fresh = unique.Where(n => !here.Contains(n.Source) && (n.ExportedId is null || !here.Contains(n.ExportedId))).ToList();

        // Counted before inserting, as an add does: imports running side by side may overshoot the limit by what they bring.
        var limit = notesOptions.Value.MaxNotesPerUser;
        var kept = await data.CountReachableUpToAsync(req.UserId, limit, now, ct);
        if (kept + fresh.Count > limit)
        {
            var fits = (int)Math.Max(0, limit - kept);
            return (null, Problems.Of(StatusCodes.Status409Conflict, ProblemCodes.QuotaReached,
                $"The file holds {fresh.Count} new notes, and there is room for {fits} of them (a user keeps at most {limit}): nothing was imported.",
                members: new Dictionary<string, object> { [QuotaProblem.FitsMember] = fits }));
        }

        var toStore = fresh.Select(n => NoteOf(n, req.UserId, now, retention)).ToList();
        var (created, lost) = await data.InsertAsync(toStore, () => req.IdempotencyKey is { } key ? idempotency.RenewAsync(req.UserId, key, ct) : Task.CompletedTask, ct);
        for (var i = 0; i < created; i++)
            metrics.NoteCreated();

        var lostIds = lost.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var dropped = fresh.Zip(toStore).Where(pair => !lostIds.Contains(pair.Second.Id)).SelectMany(pair => pair.First.Dropped);
        return (new Response(created, candidates.Count - fresh.Count + lost.Count, [.. failed, .. dropped]), null);
    }

    static string NoteNamed(ImportedNote note) => note.ExportedId is { } id ? $"Note {id}" : "The note";

    static Note NoteOf(ImportedNote imported, string ownerId, DateTime now, TimeSpan retention)
    {
        var createdAt = imported.CreatedAt ?? now;
        return new Note
        {
            OwnerId = ownerId,
            Title = imported.Title,
            Description = imported.Description,
            SearchText = SearchText.Of(imported.Title, imported.Description),
            Pinned = imported.Pinned,
            Tags = imported.Tags,
            Archived = imported.Archived,
            TrashedAt = imported.TrashedAt,
            PurgeAt = imported.TrashedAt + retention,
            CreatedAt = createdAt,
            UpdatedAt = imported.UpdatedAt ?? createdAt,
            // A new note here: its history starts again, as a note added by hand does.
            Version = 1,
            Source = imported.Source,
        };
    }

    /// <summary>What a repeat must send again: the same file, under the same name (a Markdown file's name is part of its source).</summary>
    static string Fingerprint(string fileName, byte[] bytes) =>
        Convert.ToHexString(SHA256.HashData([.. Encoding.UTF8.GetBytes(fileName), 0, .. bytes]));
}
