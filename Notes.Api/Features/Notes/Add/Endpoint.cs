using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Notes.Add;

internal sealed class Endpoint(Data data, TimeProvider clock) : Endpoint<Request, NoteResponse>
{
    public override void Configure()
    {
        Post("/api/notes");
        Summary(s =>
        {
            s.Summary = "Add a note";
            s.Responses[StatusCodes.Status201Created] = "The note, with its address in Location.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var note = await data.InsertAsync(req.UserId, req.Title!.Trim(), req.Description ?? "", clock.UtcNowForMongo(), ct);
        HttpContext.Response.Headers.ETag = ETag.Of(note.Version);
        await Send.CreatedAtAsync<Get.Endpoint>(new { id = note.Id }, NoteResponse.From(note), cancellation: ct);
    }
}
