using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Notes.Add;

internal sealed class Endpoint(Data data, IdempotencyKeys idempotency, IOptions<NotesOptions> options, TimeProvider clock) : Endpoint<Request, NoteResponse>
{
    public override void Configure()
    {
        Post("");
        Group<NotesGroup>();
        Description(d => d
            .Produces<NoteResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity));
        Summary(s =>
        {
            s.Summary = "Add a note";
            s.Description = "Adds a note, trimming its title and normalising its tags (lower case, duplicates collapsed). " +
                "Each user keeps only so many notes.";
            s.Responses[StatusCodes.Status201Created] = "The note, with its address in Location and its version as ETag.";
            s.Params[nameof(Request.IdempotencyKey)] = "A key of your choosing, new for each note you mean to add (a UUID, say), at most " +
                $"{IdempotencyKeys.MaxKeyLength} characters. Send the same key and body again to retry an add whose answer you did not " +
                "get (a timeout, a 503): for a day you get the first answer again, and never a second note.";
            s.Responses[StatusCodes.Status409Conflict] = "You already keep as many notes as one user may, and nothing was added; or the first " +
                "request with this Idempotency-Key is still running: Retry-After then says when a retry may take over from it.";
            s.Responses[StatusCodes.Status422UnprocessableEntity] = "This Idempotency-Key came before with another body; nothing was added.";
            s.ResponseHeaders.Add(new(StatusCodes.Status201Created, "Location") { Description = "The note's address.", Example = "/api/notes/6650f1c2a3b4c5d6e7f80912" });
            s.ResponseHeaders.Add(NotesGroup.ETagHeader(StatusCodes.Status201Created));
            s.ResponseHeaders.Add(ProblemResponses.RetryAfter(StatusCodes.Status409Conflict));
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.UtcNowForMongo();
        var note = NoteOf(req, now);
        if (req.IdempotencyKey is { } key)
        {
            var claim = await idempotency.BeginAsync(HttpContext, req.UserId, key, Fingerprint(note), ct);
            if (claim.Refusal is not null || claim.Answered is not null)
            {
                await (claim.Refusal is { } refusal ? Send.ResultAsync(refusal) : SendCreatedAsync(BsonSerializer.Deserialize<NoteResponse>(claim.Answered), ct));
                return;
            }
            note = note with { Id = claim.ResourceId! };
        }

        // Counted before inserting, so adds running side by side can each see room and overshoot the limit by as many as are
        // in flight at once: a bound on what one account can store needs no more precision than that.
        var limit = options.Value.MaxNotesPerUser;
        if (await data.CountReachableUpToAsync(req.UserId, limit, now, ct) >= limit)
        {
            if (req.IdempotencyKey is not null)
                await idempotency.ReleaseAsync(req.UserId, req.IdempotencyKey, ct);
            await Send.ResultAsync(Problems.Of(
                StatusCodes.Status409Conflict, ProblemCodes.QuotaReached, $"You have reached the limit of {limit} notes. Delete some to add more."));
            return;
        }

        var added = NoteResponse.From(await data.InsertOnceAsync(note, ct));
        if (req.IdempotencyKey is not null)
            await idempotency.CompleteAsync(req.UserId, req.IdempotencyKey, added.ToBsonDocument(), ct);
        await SendCreatedAsync(added, ct);
    }

    Task SendCreatedAsync(NoteResponse note, CancellationToken ct)
    {
        HttpContext.Response.Headers.ETag = ETag.Of(note.Version);
        return Send.CreatedAtAsync<Get.Endpoint>(new { id = note.Id }, note, cancellation: ct);
    }

    static Note NoteOf(Request req, DateTime now)
    {
        var (title, description) = (req.Title.Trim(), req.Description ?? "");
        return new Note
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
    }

    /// <summary>What a repeat must send again, as stored: the same note, whatever spacing or letter case its tags came in.</summary>
    static string Fingerprint(Note note) => Convert.ToHexString(SHA256.HashData(
        JsonSerializer.SerializeToUtf8Bytes(new { note.Title, note.Description, note.Pinned, note.Tags, note.Archived })));
}
