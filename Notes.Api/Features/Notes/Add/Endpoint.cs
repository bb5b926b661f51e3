using Microsoft.Extensions.Options;
using Notes.Api.Infrastructure.Http;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Notes.Add;

internal sealed class Endpoint(Data data, IOptions<NotesOptions> options, TimeProvider clock) : Endpoint<Request, NoteResponse>
{
    public override void Configure()
    {
        Post("/api/notes");
        Description(d => d.ProducesProblemDetails(StatusCodes.Status409Conflict));
        Summary(s =>
        {
            s.Summary = "Add a note";
            s.Responses[StatusCodes.Status201Created] = "The note, with its address in Location.";
            s.Responses[StatusCodes.Status409Conflict] = "You already keep as many notes as one user may; nothing was added.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        // Counted before inserting, so adds running side by side can each see room and overshoot the limit by as many as are
        // in flight at once: a bound on what one account can store needs no more precision than that.
        var limit = options.Value.MaxNotesPerUser;
        if (await data.CountOwnedUpToAsync(req.UserId, limit, ct) >= limit)
        {
            await Send.ResultAsync(Problems.Of(
                StatusCodes.Status409Conflict, ProblemCodes.QuotaReached, $"You have reached the limit of {limit} notes. Delete some to add more."));
            return;
        }

        var note = await data.InsertAsync(req.UserId, req.Title.Trim(), req.Description ?? "", clock.UtcNowForMongo(), ct);
        HttpContext.Response.Headers.ETag = ETag.Of(note.Version);
        await Send.CreatedAtAsync<Get.Endpoint>(new { id = note.Id }, NoteResponse.From(note), cancellation: ct);
    }
}
