using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Shares.Revoke;

internal sealed class Endpoint(Data data, SharedNote sharedNote, NotFound notFound, Audit audit) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("{shareId}");
        Group<SharesGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "Revoke a link to one of your notes";
            s.Description = "The link stops working at once, on every instance: opening it is answered like a link that never was. " +
                "Someone else's note or link is not found, just as a missing one.";
            s.Params[nameof(Request.ShareId)] = "The link's id, as making it or the list of the note's links gives it.";
            s.Responses[StatusCodes.Status204NoContent] = "The link is revoked.";
            s.Responses[StatusCodes.Status404NotFound] = "No such note among yours, or no such link to it.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!await data.TryRevokeAsync(req.ShareId, req.Id, req.UserId, ct))
        {
            // Told apart only now, on the way to a 404: a revoke of a link that exists costs no extra query.
            await Send.ResultAsync(await sharedNote.StandingAsync(req.Id, req.UserId, ct) is NoteStanding.Missing
                ? await notFound.NoteAsync(req.Id, req.UserId, HttpContext, ct)
                : SharedNote.ShareNotFound());
            return;
        }

        audit.ShareRevoked(req.UserId, req.Id, req.ShareId, HttpContext.ClientAddress());
        await Send.NoContentAsync(ct);
    }
}
