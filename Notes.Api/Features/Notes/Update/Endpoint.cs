namespace Notes.Api.Features.Notes.Update;

internal sealed class Endpoint(NoteWriter writer) : Endpoint<Request, NoteResponse>
{
    public override void Configure()
    {
        Put("{id}");
        Group<NotesGroup>();
        Description(d => d.ProducesProblems(
            StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType)
            .ProducesVersionConflict());
        Summary(s =>
        {
            s.Summary = "Rewrite one of your notes";
            s.Description = "Replaces the title (trimmed) and the description, leaving the rest of the note as it is. With If-Match, only while the note is at that version; " +
                "without it, the last write wins.";
            s.Params[nameof(Request.IfMatch)] = "The note's ETag as you last read it (\"<version>\", such as \"3\"), or * for any version. " +
                "When the note has changed since, the answer is 412, with the note as it is now, and nothing changes.";
            s.Responses[StatusCodes.Status200OK] = "The updated note, with its new version as ETag.";
            s.Responses[StatusCodes.Status404NotFound] = "No such note among yours.";
            s.Responses[StatusCodes.Status409Conflict] = "The note is in the trash: restore it first; nothing changed.";
            s.Responses[StatusCodes.Status412PreconditionFailed] = "If-Match names a version that is no longer current; nothing changed. The answer holds the note as it is now (current).";
            s.ResponseHeaders.Add(NotesGroup.ETagHeader(StatusCodes.Status200OK));
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (title, description) = (req.Title.Trim(), req.Description ?? "");
        var outcome = await writer.WriteAsync(
            req.Id, req.UserId, ETag.RequiredVersion(req.IfMatch), (note, now) => note with { Title = title, Description = description, UpdatedAt = now }, ct);
        if (outcome is not WriteOutcome.Written { Note: var note })
        {
            await Send.ResultAsync(await writer.RefusalAsync(outcome, req.Id, req.UserId, HttpContext, ct));
            return;
        }

        HttpContext.Response.Headers.ETag = ETag.Of(note.Version);
        await Send.OkAsync(NoteResponse.From(note), ct);
    }
}
