using Microsoft.Extensions.Options;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Notes.Add;

internal sealed class Endpoint(Data data, IOptions<NotesOptions> options, TimeProvider clock) : Endpoint<Request, NoteResponse>
{
    public override void Configure()
    {
        Post("");
        Group<NotesGroup>();
        Description(d => d
            .Produces<NoteResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType));
        Summary(s =>
        {
            s.Summary = "Add a note";
            s.Description = "Adds a note, trimming its title and normalising its tags (lower case, duplicates collapsed). " +
                "Each user keeps only so many notes.";
            s.Responses[StatusCodes.Status201Created] = "The note, with its address in Location and its version as ETag.";
            s.Responses[StatusCodes.Status409Conflict] = "You already keep as many notes as one user may; nothing was added.";
            s.ResponseHeaders.Add(new(StatusCodes.Status201Created, "Location") { Description = "The note's address.", Example = "/api/notes/6650f1c2a3b4c5d6e7f80912" });
            s.ResponseHeaders.Add(NotesGroup.ETagHeader(StatusCodes.Status201Created));
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        // Counted before inserting, so adds running side by side can each see room and overshoot the limit by as many as are
        // in flight at once: a bound on what one account can store needs no more precision than that.
        var now = clock.UtcNowForMongo();
        var limit = options.Value.MaxNotesPerUser;
        if (await data.CountReachableUpToAsync(req.UserId, limit, now, ct) >= limit)
        {
            await Send.ResultAsync(Problems.Of(
                StatusCodes.Status409Conflict, ProblemCodes.QuotaReached, $"You have reached the limit of {limit} notes. Delete some to add more."));
            return;
        }

        var (title, description) = (req.Title.Trim(), req.Description ?? "");
        var note = new Note
        {
            OwnerId = req.UserId,
            Title = title,
            Description = description,
            SearchText = SearchText.Of(title, description),
            Pinned = req.Pinned ?? false,
            Tags = Tag.NormalizeAll(req.Tags),
            Archived = req.Archived ?? false,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        await data.InsertAsync(note, ct);
        HttpContext.Response.Headers.ETag = ETag.Of(note.Version);
        await Send.CreatedAtAsync<Get.Endpoint>(new { id = note.Id }, NoteResponse.From(note), cancellation: ct);
    }
}
