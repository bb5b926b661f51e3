using Notes.Api.Infrastructure.Auth;
using Notes.Api.Infrastructure.Http;

namespace Notes.Api.Features.Auth.LogoutAll;

internal sealed class Endpoint(Data data, Audit audit) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/api/auth/logout-all");
        Summary(s => s.Summary = "Sign out everywhere: revoke every session of this user");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var ended = await data.EndAllSessionsAsync(req.UserId, ct);
        audit.SignedOutEverywhere(req.UserId, ended, HttpContext.ClientAddress());
        await Send.NoContentAsync(ct);
    }
}
