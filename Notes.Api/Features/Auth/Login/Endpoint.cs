namespace Notes.Api.Features.Auth.Login;

internal sealed class Endpoint(Data data, Passwords passwords, SignInLimit signInLimit, SessionIssuer sessions, Audit audit)
    : Endpoint<Request, TokenResponse>
{
    public override void Configure()
    {
        Post("login");
        Group<AuthGroup>();
        AllowAnonymous();
        Description(d => d.ProducesProblems(
            StatusCodes.Status401Unauthorized, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests));
        Summary(s =>
        {
            s.Summary = "Sign in and receive a bearer token";
            s.Description = "Answers a bearer token, for the Authorization header of every other call, and when its session ends. " +
                "After too many failed attempts for one username from one address, sign-in is refused for a while.";
            s.Responses[StatusCodes.Status401Unauthorized] = "Unknown username or wrong password (the same answer for both).";
            SignInLimit.DescribeRefusal(s);
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var client = HttpContext.ClientAddress();
        if (await signInLimit.RefusalAsync(HttpContext, req.Username, ct) is { } tooMany)
        {
            await Send.ResultAsync(tooMany);
            return;
        }

        var account = await data.FindAccountAsync(req.Username, ct);
        // Verified even when the user is unknown (against a dummy hash), so both refusals take the same time.
        if (!await passwords.VerifyAsync(req.Password, account?.PasswordHash, ct) || account is null)
        {
            audit.SignInRefused(account?.Id, req.Username, client);
            await Send.ResultAsync(Problems.Of(StatusCodes.Status401Unauthorized, ProblemCodes.InvalidCredentials, "Invalid username or password."));
            return;
        }

        await signInLimit.ClearAsync(HttpContext, req.Username, ct);
        var issued = await sessions.StartAsync(account.Id, account.Username, HttpContext, ct);
        audit.SignedIn(account.Id, account.Username, client);
        await Send.OkAsync(TokenResponse.Bearer(issued, account.Id, account.Username), ct);
    }
}
