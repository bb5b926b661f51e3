namespace Notes.Api.Features.Auth.Me;

internal sealed class Endpoint : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/auth/me");
        Summary(s => s.Summary = "Who the token belongs to, and when it expires");
    }

    // The session check has already confirmed the token's session and user, so the claims can be answered as they are.
    public override Task HandleAsync(Request req, CancellationToken ct) =>
        Send.OkAsync(new Response(req.UserId, req.Username, DateTime.UnixEpoch.AddSeconds(req.ExpiresAtUnixSeconds)), ct);
}
