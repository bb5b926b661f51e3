using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Notes.Delete;

internal sealed class Endpoint(Data data, NotFound notFound, TimeProvider clock) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("{id}");
        Group<NotesGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "Delete one of your notes";
            s.Description = "Deletes one of your notes for good, in the trash or not. Someone else's note is not found, just as a missing one.";
            s.Responses[StatusCodes.Status404NotFound] = "No such note among yours.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!await data.TryDeleteReachableAsync(req.Id, req.UserId, clock.UtcNowForMongo(), ct))
        {
            await Send.ResultAsync(await notFound.NoteAsync(req.Id, req.UserId, HttpContext, ct));
            return;
        }

        await Send.NoContentAsync(ct);
    }
}
