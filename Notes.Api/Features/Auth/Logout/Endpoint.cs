using Notes.Api.Infrastructure.Auth;
using Notes.Api.Infrastructure.Http;

namespace Notes.Api.Features.Auth.Logout;

internal sealed class Endpoint(Data data, Audit audit) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/api/auth/logout");
        Summary(s => s.Summary = "Sign out: revoke this token's session");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await data.EndSessionAsync(req.SessionId, req.UserId, ct);
        audit.SignedOut(req.UserId, HttpContext.ClientAddress());
        await Send.NoContentAsync(ct);
    }
}
