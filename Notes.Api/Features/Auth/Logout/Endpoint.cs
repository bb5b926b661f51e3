namespace Notes.Api.Features.Auth.Logout;

internal sealed class Endpoint(Data data, Audit audit) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("logout");
        Group<AuthGroup>();
        Summary(s =>
        {
            s.Summary = "Sign out: revoke this token's session";
            s.Description = "Ends this token's session at once: the token is refused from then on. Other sessions of the user go on.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await data.EndSessionAsync(req.SessionId, req.UserId, ct);
        audit.SignedOut(req.UserId, HttpContext.ClientAddress());
        await Send.NoContentAsync(ct);
    }
}
