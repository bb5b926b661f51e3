using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Account.CreateToken;

internal sealed class Endpoint(Data data, TimeProvider clock, Audit audit) : Endpoint<Request, Response>
{
    /// <summary>How many working tokens one user may hold: enough for every script, few enough to review at a glance.</summary>
    public const int MaxPerUser = 20;

    public override void Configure()
    {
        Post("tokens");
        Group<AccountGroup>();
        Description(d => d
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType));
        Summary(s =>
        {
            s.Summary = "Create a personal access token";
            s.Description = "A token for a script, sent as Authorization: Bearer nsp_…, in place of signing in. It reaches notes, tags, " +
                "revisions, the trash, export and import; a read token only reads (GET), and no token manages the account. " +
                "The token is in this answer only: it is stored as a hash, and cannot be shown again. " +
                $"A user holds at most {MaxPerUser} tokens that have not expired.";
            s.Responses[StatusCodes.Status201Created] = "The token, shown this once.";
            s.Responses[StatusCodes.Status409Conflict] = $"You already hold {MaxPerUser} tokens (token_limit_reached): revoke one first.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.UtcNowForMongo();
        var (secret, hash) = AccessTokens.New();
        var token = new AccessToken
        {
            OwnerId = req.UserId,
            Name = req.Name.Trim(),
            Scope = req.Scope,
            TokenHash = hash,
            CreatedAt = now,
            // To the millisecond, as MongoDB keeps it, so this answer and the list agree.
            ExpiresAt = req.ExpiresAt is { } at ? DateTime.UnixEpoch.AddMilliseconds(at.ToUnixTimeMilliseconds()) : null,
        };
        // Inserted first, then counted with itself: of creations side by side, the last to count sees every one inserted before
        // it, so no two are kept past the limit (both may be refused, never both kept). No transaction, which the embedded engine
        // lacks; two commands when there is room, as counting first cost. The secret is not shown before the count, so a token
        // taken back was never usable.
        await data.InsertAsync(token, ct);
        if (await data.CountLiveUpToAsync(req.UserId, MaxPerUser + 1, now, ct) > MaxPerUser)
        {
            await data.WithdrawAsync(token, CancellationToken.None);
            await Send.ResultAsync(Problems.Of(StatusCodes.Status409Conflict, ProblemCodes.TokenLimitReached,
                $"You already hold {MaxPerUser} access tokens. Revoke one to create another."));
            return;
        }

        audit.TokenCreated(req.UserId, token.Id, token.Scope, HttpContext.ClientAddress());
        await Send.ResponseAsync(new Response(token.Id, token.Name, token.Scope, secret, token.CreatedAt, token.ExpiresAt), StatusCodes.Status201Created, ct);
    }
}
