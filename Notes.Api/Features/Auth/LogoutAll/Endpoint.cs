namespace Notes.Api.Features.Auth.LogoutAll;

internal sealed class Endpoint(Data data, Audit audit) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("logout-all");
        Group<AuthGroup>();
        Summary(s =>
        {
            s.Summary = "Sign out everywhere: revoke every session of this user";
            s.Description = "Ends every session of the user, this one included: every token the user holds is refused from then on.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var ended = await data.EndAllSessionsAsync(req.UserId, ct);
        audit.SignedOutEverywhere(req.UserId, ended, HttpContext.ClientAddress());
        await Send.NoContentAsync(ct);
    }
}
