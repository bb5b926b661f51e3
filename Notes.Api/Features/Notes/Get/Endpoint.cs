using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Notes.Get;

internal sealed class Endpoint(Data data, NotFound notFound, TimeProvider clock) : Endpoint<Request, NoteResponse>
{
    public override void Configure()
    {
        Get("{id}");
        Group<NotesGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "Read one of your notes";
            s.Description = "One of your notes, with its version as ETag. Someone else's note is not found, just as a missing one.";
            s.Responses[StatusCodes.Status200OK] = "The note, with its version as ETag.";
            s.Responses[StatusCodes.Status404NotFound] = "No such note among yours.";
            s.ResponseHeaders.Add(NotesGroup.ETagHeader(StatusCodes.Status200OK));
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var note = await data.FindReachableAsync(req.Id, req.UserId, clock.UtcNowForMongo(), ct);
        if (note is null)
        {
            await Send.ResultAsync(await notFound.NoteAsync(req.Id, req.UserId, HttpContext, ct));
            return;
        }

        HttpContext.Response.Headers.ETag = ETag.Of(note.Version);
        await Send.OkAsync(NoteResponse.From(note), ct);
    }
}
