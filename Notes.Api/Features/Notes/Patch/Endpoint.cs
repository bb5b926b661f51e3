using Microsoft.Extensions.Options;
using Member = Notes.Api.Features.Notes.Patch.Request.Member;

namespace Notes.Api.Features.Notes.Patch;

internal sealed class Endpoint(NoteWriter writer, IOptions<NotesOptions> options) : Endpoint<Request, NoteResponse>
{
    public override void Configure()
    {
        Patch("{id}");
        Group<NotesGroup>();
        Description(d => d
            .ClearDefaultAccepts()
            .Accepts<Request>("application/merge-patch+json", "application/json")
            .ProducesProblems(
                StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType)
            .ProducesVersionConflict());
        Summary(s =>
        {
            s.Summary = "Change some of one of your notes";
            s.Description = "A JSON merge patch (RFC 7396) of title, description, pinned, tags, archived and trashed: a member sent changes " +
                "that field, null sets it back to its default (an empty description, no tags, false), and one left out leaves it as it is. " +
                "trashed: true moves the note to the trash, to be deleted for good after a while (purgeAt); trashed: false restores it. " +
                "A note in the trash changes only by being restored. Only title, description and tags move updatedAt. With If-Match, " +
                "only while the note is at that version; without it, the last write wins.";
            s.Params[nameof(Request.IfMatch)] = "The note's ETag as you last read it (\"<version>\", such as \"3\"), or * for any version. " +
                "When the note has changed since, the answer is 412, with the note as it is now, and nothing changes.";
            s.Responses[StatusCodes.Status200OK] = "The changed note, with its new version as ETag.";
            s.Responses[StatusCodes.Status404NotFound] = "No such note among yours.";
            s.Responses[StatusCodes.Status409Conflict] = "The note is in the trash and the patch does not restore it; nothing changed.";
            s.Responses[StatusCodes.Status412PreconditionFailed] = "If-Match names a version that is no longer current; nothing changed. The answer holds the note as it is now (current).";
            s.Responses[StatusCodes.Status415UnsupportedMediaType] = "The body is not JSON: send it as application/merge-patch+json or application/json.";
            s.ResponseHeaders.Add(NotesGroup.ETagHeader(StatusCodes.Status200OK));
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = await writer.WriteAsync(req.Id, req.UserId, ETag.RequiredVersion(req.IfMatch), (note, now) => Patched(note, req, now), ct);
        if (outcome is not WriteOutcome.Written { Note: var note })
        {
            await Send.ResultAsync(await writer.RefusalAsync(outcome, req.Id, req.UserId, HttpContext, ct));
            return;
        }

        HttpContext.Response.Headers.ETag = ETag.Of(note.Version);
        await Send.OkAsync(NoteResponse.From(note), ct);
    }

    /// <summary>The note with the patch applied; a note already in the trash keeps the dates it went there with.</summary>
    Note Patched(Note note, Request patch, DateTime now)
    {
        var trashed = patch.Holds(Member.Trashed) ? patch.Trashed ?? false : note.TrashedAt is not null;
        return note with
        {
            Title = patch.Holds(Member.Title) ? patch.Title!.Trim() : note.Title,
            Description = patch.Holds(Member.Description) ? patch.Description ?? "" : note.Description,
            Pinned = patch.Holds(Member.Pinned) ? patch.Pinned ?? false : note.Pinned,
            Tags = patch.Holds(Member.Tags) ? Tag.NormalizeAll(patch.Tags) : note.Tags,
            Archived = patch.Holds(Member.Archived) ? patch.Archived ?? false : note.Archived,
            TrashedAt = trashed ? note.TrashedAt ?? now : null,
            PurgeAt = trashed ? note.PurgeAt ?? now + options.Value.TrashRetention : null,
            UpdatedAt = patch.Holds(Member.Content) ? now : note.UpdatedAt,
        };
    }
}
