using Notes.Api.Features.Notes;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Shares.Create;

internal sealed class Endpoint(Data data, SharedNote sharedNote, NotFound notFound, TimeProvider clock, Audit audit) : Endpoint<Request, Response>
{
    static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(30);
    static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    public override void Configure()
    {
        Post("");
        Group<SharesGroup>();
        Description(d => d
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType));
        Summary(s =>
        {
            s.Summary = "Share one of your notes by a link";
            s.Description = "Makes a link that shows the note, read-only and as it is at the time, to anyone who has it, without an account. " +
                "The answer is the only place its token appears: only a hash of it is stored. expiresAt left out, the link works for 30 days; " +
                "a time, until then (at most a year ahead); null, until you revoke it. Trashing or deleting the note ends its links. " +
                "Someone else's note is not found, just as a missing one.";
            s.Responses[StatusCodes.Status201Created] = "The link, with its address on this site (url) and its own address in Location.";
            s.Responses[StatusCodes.Status404NotFound] = "No such note among yours.";
            s.Responses[StatusCodes.Status409Conflict] = "The note is in the trash: restore it to share it; nothing was made.";
            s.ResponseHeaders.Add(new(StatusCodes.Status201Created, "Location") { Description = "The link's address, to revoke it by.", Example = "/api/notes/6650f1c2a3b4c5d6e7f80912/shares/6650f1c2a3b4c5d6e7f80913" });
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.UtcNowForMongo();
        var expiresAt = req.SaysWhenItExpires() ? ToMongo(req.ExpiresAt) : now + DefaultLifetime;
        if (expiresAt <= now || expiresAt > now + MaxLifetime)
            ThrowError(r => r.ExpiresAt, "expiresAt must be in the future and at most a year ahead; null for a link that never expires.");

        var token = BearerSecrets.New();
        var share = new Share { OwnerId = req.UserId, NoteId = req.Id, TokenHash = BearerSecrets.HashOf(token), CreatedAt = now, ExpiresAt = expiresAt };
        // The link first, then the note: trashing or deleting a note writes the note first and ends its links after, so of the two
        // racing, either that ends this link too, or this sees the note gone or trashed and takes the link back. Never a live link to a
        // trashed note, which its restoring would bring back to life.
        await data.InsertAsync(share, ct);
        var standing = await sharedNote.StandingAsync(req.Id, req.UserId, ct);
        if (standing is not NoteStanding.Shareable)
        {
            await data.WithdrawAsync(share, CancellationToken.None);
            await Send.ResultAsync(standing is NoteStanding.InTrash ? SharedNote.InTrash() : await notFound.NoteAsync(req.Id, req.UserId, HttpContext, ct));
            return;
        }

        audit.ShareCreated(req.UserId, req.Id, share.Id, HttpContext.ClientAddress());
        HttpContext.Response.Headers.Location = $"/api/notes/{req.Id}/shares/{share.Id}";
        await Send.ResponseAsync(new Response(share.Id, ShareLinks.UrlOf(token), share.CreatedAt, share.ExpiresAt), StatusCodes.Status201Created, ct);
    }

    /// <summary>The time as a BSON date holds it (UTC, to the millisecond), so the answer equals what is stored.</summary>
    static DateTime? ToMongo(DateTimeOffset? time) => time is { } t ? DateTime.UnixEpoch.AddMilliseconds(t.ToUnixTimeMilliseconds()) : null;
}
