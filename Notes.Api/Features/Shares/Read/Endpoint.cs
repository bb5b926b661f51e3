using Microsoft.Extensions.Options;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Shares.Read;

internal sealed class Endpoint(Data data, Throttles throttles, IOptions<SharesOptions> options, TimeProvider clock, Audit audit)
    : Endpoint<Request, Response>
{
    static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public override void Configure()
    {
        Get("{token}");
        Group<SharedGroup>();
        AllowAnonymous();
        Description(d => d.ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests));
        Summary(s =>
        {
            s.Summary = "Read a note shared with you by a link";
            s.Description = "The note a share link shows, as it is now: its title, its description (Markdown) and when it last changed; " +
                "nothing else. No account is needed. A link that is unknown, expired or revoked, or whose note is in the trash or deleted, " +
                "is not found, all alike. Each client address may open only Shares:ReadsPerMinute links a minute. Answers are never cached, " +
                "kept out of search engines, and send no Referer on: the token is in the address.";
            s.Params[nameof(Request.Token)] = "The token from the link (/s/{token}).";
            s.Responses[StatusCodes.Status200OK] = "The shared note.";
            s.Responses[StatusCodes.Status404NotFound] = "This link shows nothing (any more).";
            s.Responses[StatusCodes.Status429TooManyRequests] = "This address has opened as many links as it may in a minute; see Retry-After.";
            s.ResponseHeaders.Add(ProblemResponses.RetryAfter(StatusCodes.Status429TooManyRequests));
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        // Every read counts, a malformed token's too: guessing is what the limit is for.
        var now = clock.UtcNowForMongo();
        var client = HttpContext.ClientAddress();
        var tally = await throttles.CountAsync($"shared|{client}", now, Window, ct);
        if (tally.Count > options.Value.ReadsPerMinute)
        {
            var wait = Throttles.RetryAfterSeconds(tally, now);
            audit.ShareReadsThrottled(client, wait);
            await Send.ResultAsync(Throttles.TooManyRequests(HttpContext, wait, "Too many links have been opened from this address."));
            return;
        }

        if (!BearerSecrets.IsWellFormed(req.Token)
            || await data.OpenAsync(BearerSecrets.HashOf(req.Token), now, ct) is not { } share
            || await data.FindShownAsync(share, ct) is not { } note)
        {
            await Send.ResultAsync(ShareLinks.NotFound());
            return;
        }

        await Send.OkAsync(note, ct);
    }
}
