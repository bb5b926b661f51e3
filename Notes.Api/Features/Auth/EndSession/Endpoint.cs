namespace Notes.Api.Features.Auth.EndSession;

internal sealed class Endpoint(Data data, Audit audit) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("sessions/{id}");
        Group<AuthGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status404NotFound));
        Summary(s =>
        {
            s.Summary = "End one of your sessions";
            s.Description = "Ends the session at once, on every instance: its token is refused from then on (401, token_revoked). " +
                "It may be this token's own. Someone else's session is not found, just as a missing one.";
            s.Responses[StatusCodes.Status204NoContent] = "The session has ended.";
            s.Responses[StatusCodes.Status404NotFound] = "No such session among yours.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!await data.TryEndAsync(req.Id, req.UserId, ct))
        {
            await Send.ResultAsync(Problems.Of(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Session not found."));
            return;
        }

        audit.SessionEnded(req.UserId, req.Id, HttpContext.ClientAddress());
        await Send.NoContentAsync(ct);
    }
}
