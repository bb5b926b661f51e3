namespace Notes.Api.Features.Auth.Login;

internal sealed class Endpoint(Data data, Passwords passwords, TwoFactorCodes codes, SignInLimit signInLimit, SessionIssuer sessions, Audit audit)
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
                "With two-step sign-in on, the right password alone answers 401 two_factor_required: send it again with code, a current " +
                "code from the authenticator app (each is accepted once) or an unused recovery code (which is then spent). " +
                "After too many failed attempts (wrong passwords and wrong codes alike) for one username from one address, sign-in is " +
                "refused for a while.";
            s.Responses[StatusCodes.Status401Unauthorized] =
                "Unknown username or wrong password, the same answer for both (invalid_credentials); the right password of an account " +
                "with two-step sign-in on, without a code (two_factor_required) or with a wrong or used one (invalid_code). No token.";
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

        if (account.TwoFactor is { } twoFactor)
        {
            if (string.IsNullOrEmpty(req.Code))
            {
                await Send.ResultAsync(Problems.Of(StatusCodes.Status401Unauthorized, ProblemCodes.TwoFactorRequired, "Two-step sign-in is on: send a code too."));
                return;
            }

            var step = await codes.SpendAsync(account.Id, twoFactor, req.Code, ct);
            if (step == SecondStep.Refused)
            {
                audit.TwoFactorRefused(account.Id, client);
                await Send.ResultAsync(Problems.Of(StatusCodes.Status401Unauthorized, ProblemCodes.InvalidCode, "The code is wrong or has been used."));
                return;
            }

            if (step == SecondStep.RecoveryCode)
                audit.RecoveryCodeUsed(account.Id, client);
        }

        // Only now, with every step proved: a right password without its code is still an attempt that counts.
        await signInLimit.ClearAsync(HttpContext, req.Username, ct);
        var issued = await sessions.StartAsync(account.Id, account.Username, HttpContext, ct);
        audit.SignedIn(account.Id, account.Username, client);
        await Send.OkAsync(TokenResponse.Bearer(issued, account.Id, account.Username), ct);
    }
}
