using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Revisions.List;

internal sealed class Endpoint(Data data, History history, NotFound notFound) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("");
        Group<RevisionsGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "List the earlier versions of one of your notes, a page at a time, newest first";
            s.Description = "Every change of a note's title or description keeps the version it replaced, up to Notes:MaxRevisionsPerNote of " +
                "them (the oldest go first). Each is listed with its title, when it was written and its description's length; read one for " +
                "its description. A note in the trash keeps its history. Someone else's note is not found, just as a missing one.";
            s.Responses[StatusCodes.Status200OK] = "A page of the note's revisions, newest first, and how many it has.";
            s.Responses[StatusCodes.Status404NotFound] = "No such note among yours.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await history.NoteVersionAsync(req.Id, req.UserId, ct) is not { } noteVersion)
        {
            await Send.ResultAsync(await notFound.NoteAsync(req.Id, req.UserId, HttpContext, ct));
            return;
        }

        var (page, total) = await data.FindPageAsync(History.Below(req.Id, req.UserId, noteVersion), req.Page, req.PageSize, ct);
        await Send.OkAsync(new Response(page, req.Page, req.PageSize, total), ct);
    }
}
