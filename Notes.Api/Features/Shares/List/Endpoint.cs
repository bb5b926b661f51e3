using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Shares.List;

internal sealed class Endpoint(Data data, SharedNote sharedNote, NotFound notFound) : Endpoint<Request, IReadOnlyList<Response>>
{
    public override void Configure()
    {
        Get("");
        Group<SharesGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "List the links to one of your notes, newest first";
            s.Description = "Every link to the note that has not been revoked, expired ones too, with how often and when it was last opened; " +
                "never a token. Someone else's note is not found, just as a missing one.";
            s.Responses[StatusCodes.Status200OK] = "The note's links, newest first.";
            s.Responses[StatusCodes.Status404NotFound] = "No such note among yours.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await sharedNote.StandingAsync(req.Id, req.UserId, ct) is NoteStanding.Missing)
        {
            await Send.ResultAsync(await notFound.NoteAsync(req.Id, req.UserId, HttpContext, ct));
            return;
        }

        await Send.OkAsync(await data.FindAsync(req.Id, req.UserId, ct), ct);
    }
}
