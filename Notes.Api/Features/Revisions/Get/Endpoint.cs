using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Revisions.Get;

internal sealed class Endpoint(History history, NotFound notFound) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("{version:int}");
        Group<RevisionsGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "Read an earlier version of one of your notes";
            s.Description = "The title and description one of your notes had at that version, and when it was written. Someone else's note " +
                "is not found, just as a missing one.";
            s.Params[nameof(Request.Version)] = RevisionsGroup.VersionParameter;
            s.Responses[StatusCodes.Status200OK] = "The revision.";
            s.Responses[StatusCodes.Status404NotFound] = "No such note among yours, or no such revision of it.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await history.NoteVersionAsync(req.Id, req.UserId, ct) is not { } noteVersion)
        {
            await Send.ResultAsync(await notFound.NoteAsync(req.Id, req.UserId, HttpContext, ct));
            return;
        }
        if (req.Version >= noteVersion || await history.StoredAtAsync(req.Id, req.UserId, req.Version, ct) is not { } revision)
        {
            await Send.ResultAsync(History.RevisionNotFound());
            return;
        }

        await Send.OkAsync(Response.From(revision), ct);
    }
}
