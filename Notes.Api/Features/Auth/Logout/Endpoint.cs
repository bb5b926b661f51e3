namespace Notes.Api.Features.Auth.Logout;

internal sealed class Endpoint(Data data) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/api/auth/logout");
        Summary(s => s.Summary = "Sign out: revoke this token's session");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await data.EndSessionAsync(req.SessionId, req.UserId, ct);
        Logger.LogInformation("User {UserId} signed out", req.UserId);
        await Send.NoContentAsync(ct);
    }
}
