namespace Notes.Api.Features.Notes.Delete;

internal sealed class Endpoint(Data data, NotFound notFound) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/api/notes/{id}");
        Description(d => d.ProducesProblemDetails(StatusCodes.Status404NotFound));
        Summary(s => s.Summary = "Delete one of your notes");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!await data.TryDeleteOwnedAsync(req.Id, req.UserId, ct))
        {
            await Send.ResultAsync(await notFound.NoteAsync(req.Id, req.UserId, HttpContext, ct));
            return;
        }

        await Send.NoContentAsync(ct);
    }
}
