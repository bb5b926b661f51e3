namespace Notes.Api.Features.Account.Get;

internal sealed class Endpoint(Data data) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("");
        Group<AccountGroup>();
        Summary(s =>
        {
            s.Summary = "Your account: its name, when it was made, and how many notes it keeps";
            s.Description = "The account the token belongs to. noteCount counts the notes outside the trash, archived ones included; " +
                "twoFactorEnabled says whether signing in asks for a second step.";
            s.Responses[StatusCodes.Status200OK] = "Your account.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var profile = await data.FindProfileAsync(req.UserId, ct);
        var noteCount = await data.CountKeptNotesAsync(req.UserId, ct);
        await Send.OkAsync(new Response(profile.Id, profile.Username, profile.CreatedAt, TwoFactorEnabled: profile.TwoFactor is not null, noteCount), ct);
    }
}
