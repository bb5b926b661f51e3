using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Account.ListTokens;

internal sealed class Endpoint(Data data, TimeProvider clock) : Endpoint<Request, List<Response>>
{
    public override void Configure()
    {
        Get("tokens");
        Group<AccountGroup>();
        Summary(s =>
        {
            s.Summary = "List your personal access tokens, newest first";
            s.Description = "Every token of yours that has not expired or been revoked: its name, scope, when it was made and expires, " +
                "and the minute it was last used in. The tokens themselves are not kept, so they are not shown.";
            s.Responses[StatusCodes.Status200OK] = "Your tokens, newest first.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.OkAsync(await data.FindLiveAsync(req.UserId, clock.UtcNowForMongo(), ct), ct);
}
