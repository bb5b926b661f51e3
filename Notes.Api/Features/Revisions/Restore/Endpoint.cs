using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Revisions.Restore;

internal sealed class Endpoint(History history, NoteWriter writer, NotFound notFound) : Endpoint<Request, NoteResponse>
{
    public override void Configure()
    {
        Post("{version:int}/restore");
        Group<RevisionsGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).ProducesVersionConflict());
        Summary(s =>
        {
            s.Summary = "Make an earlier version of one of your notes its current one";
            s.Description = "Gives the note the title and description it had at that version, as a change of its own: a new version, " +
                "updatedAt moves, and the version it replaces joins the history. Tags, pin and archive stay as they are. With If-Match, " +
                "only while the note is at that version; without it, whatever the note holds now is replaced (and kept in the history).";
            s.Params[nameof(Request.Version)] = RevisionsGroup.VersionParameter;
            s.Params[nameof(Request.IfMatch)] = "The note's ETag as you last read it (\"<version>\", such as \"3\"), or * for any version. " +
                "When the note has changed since, the answer is 412, with the note as it is now, and nothing changes.";
            s.Responses[StatusCodes.Status200OK] = "The note with the restored title and description, with its new version as ETag.";
            s.Responses[StatusCodes.Status404NotFound] = "No such note among yours, or no such revision of it.";
            s.Responses[StatusCodes.Status409Conflict] = "The note is in the trash: restore it from there first; nothing changed.";
            s.Responses[StatusCodes.Status412PreconditionFailed] = "If-Match names a version that is no longer current; nothing changed. The answer holds the note as it is now (current).";
            s.ResponseHeaders.Add(NotesGroup.ETagHeader(StatusCodes.Status200OK));
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await history.StoredAtAsync(req.Id, req.UserId, req.Version, ct) is not { } revision)
        {
            // Told apart only now, on the way to a 404: a restore of a revision that exists costs no extra query.
            await Send.ResultAsync(await history.NoteVersionAsync(req.Id, req.UserId, ct) is null
                ? await notFound.NoteAsync(req.Id, req.UserId, HttpContext, ct)
                : History.RevisionNotFound());
            return;
        }

        var outcome = await writer.WriteAsync(
            req.Id, req.UserId, ETag.RequiredVersion(req.IfMatch),
            (note, now) => note with { Title = revision.Title, Description = revision.Description, UpdatedAt = now }, ct);
        if (outcome is not WriteOutcome.Written { Note: var note })
        {
            await Send.ResultAsync(await writer.RefusalAsync(outcome, req.Id, req.UserId, HttpContext, ct));
            return;
        }

        HttpContext.Response.Headers.ETag = ETag.Of(note.Version);
        await Send.OkAsync(NoteResponse.From(note), ct);
    }
}
