namespace Notes.Api.Features.Notes.Delete;

internal sealed class Endpoint(Data data) : Endpoint<Request>
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
            await Send.ResultAsync(NotFound.Note());
            return;
        }

        await Send.NoContentAsync(ct);
    }
}
