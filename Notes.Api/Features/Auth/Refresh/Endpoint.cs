namespace Notes.Api.Features.Auth.Refresh;

internal sealed class Endpoint(Data data, SessionIssuer sessions, Audit audit) : Endpoint<Request, TokenResponse>
{
    public override void Configure()
    {
        Post("refresh");
        Group<AuthGroup>();
        Summary(s =>
        {
            s.Summary = "Trade this token for a fresh one; this token's session ends";
            s.Description = "Answers a new token with a new session and ends this token's session, so a token refreshes once: a second try is 401.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        // Two refreshes racing with one token must not both get a new session.
        if (!await data.TryEndSessionAsync(req.SessionId, req.UserId, ct))
        {
            await BearerChallenge.SendAsync(HttpContext, BearerChallenge.TokenRevoked);
            return;
        }

        var issued = await sessions.StartAsync(req.UserId, req.Username, HttpContext, ct);
        audit.TokenRefreshed(req.UserId, HttpContext.ClientAddress());
        await Send.OkAsync(TokenResponse.Bearer(issued, req.UserId, req.Username), ct);
    }
}
