namespace Notes.Api.Features.Auth.LogoutAll;

internal sealed class Endpoint(Data data) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/api/auth/logout-all");
        Summary(s => s.Summary = "Sign out everywhere: revoke every session of this user");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var ended = await data.EndAllSessionsAsync(req.UserId, ct);
        Logger.LogInformation("User {UserId} signed out of {SessionCount} sessions", req.UserId, ended);
        await Send.NoContentAsync(ct);
    }
}
