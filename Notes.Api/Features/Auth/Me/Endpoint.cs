namespace Notes.Api.Features.Auth.Me;

internal sealed class Endpoint : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("me");
        Group<AuthGroup>();
        Summary(s =>
        {
            s.Summary = "Who the token belongs to, and when it expires";
            s.Description = "The token's user and the moment its session ends; a client can plan its refresh by it.";
        });
    }

    // The session check has already confirmed the token's session and user, so the claims can be answered as they are.
    public override Task HandleAsync(Request req, CancellationToken ct) =>
        Send.OkAsync(new Response(req.UserId, req.Username, DateTime.UnixEpoch.AddSeconds(req.ExpiresAtUnixSeconds)), ct);
}
