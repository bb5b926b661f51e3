namespace Notes.Api.Features.Account.RevokeToken;

internal sealed class Endpoint(Data data, Audit audit) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("tokens/{id}");
        Group<AccountGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "Revoke one of your personal access tokens";
            s.Description = "Deletes the token at once, on every instance: it is refused from then on (401, token_revoked). " +
                "Someone else's token is not found, just as a missing one.";
            s.Responses[StatusCodes.Status204NoContent] = "The token is revoked.";
            s.Responses[StatusCodes.Status404NotFound] = "No such token among yours.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!await data.TryRevokeAsync(req.Id, req.UserId, ct))
        {
            await Send.ResultAsync(Problems.Of(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Token not found."));
            return;
        }

        audit.TokenRevoked(req.UserId, req.Id, HttpContext.ClientAddress());
        await Send.NoContentAsync(ct);
    }
}
