namespace Notes.Api.Features.Account.EnableTwoFactor;

internal sealed class Endpoint(Data data, TwoFactorSecrets secrets, TwoFactorCodes codes, Audit audit) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("two-factor/enable");
        Group<AccountGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType));
        Summary(s =>
        {
            s.Summary = "Turn two-step sign-in on, confirmed by a code from the authenticator app";
            s.Description = "Needs a current code made from the secret that setting up answered. From then on, signing in asks for a " +
                "code too. Answers ten recovery codes, each good for one sign-in without the app: they are shown this once.";
            s.Responses[StatusCodes.Status200OK] = "Two-step sign-in is on; the recovery codes, shown this once.";
            s.Responses[StatusCodes.Status400BadRequest] = "The code is wrong (invalid_code), or missing (validation_failed).";
            s.Responses[StatusCodes.Status409Conflict] =
                "Two-step sign-in is already on (two_factor_already_enabled), or was not set up (two_factor_not_set_up).";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var state = await data.FindStateAsync(req.UserId, ct);
        if (state.TwoFactor is not null)
        {
            await Send.ResultAsync(Problems.Of(StatusCodes.Status409Conflict, ProblemCodes.TwoFactorAlreadyEnabled, "Two-step sign-in is already on."));
            return;
        }

        if (state.PendingTwoFactorSecret is not { } pending)
        {
            await Send.ResultAsync(Problems.Of(StatusCodes.Status409Conflict, ProblemCodes.TwoFactorNotSetUp, "Set up two-step sign-in first."));
            return;
        }

        var secret = secrets.Unprotect(pending);
        var (recoveryCodes, hashes) = TwoFactorCodes.NewRecoveryCodes(secret);
        // The enabling code's step counts as used, so it cannot sign in after. A secret replaced by a setup in between is no
        // longer the pending one, and the code made from it is refused like a wrong one.
        if (codes.CurrentStep(secret, req.Code) is not { } step
            || !await data.TryEnableAsync(req.UserId, new TwoFactor { Secret = pending, LastUsedStep = step, RecoveryCodes = hashes }, ct))
        {
            const string wrong = "The code is wrong.";
            await Send.ResultAsync(Problems.Of(StatusCodes.Status400BadRequest, ProblemCodes.InvalidCode, wrong, [new FieldError("code", wrong)]));
            return;
        }

        audit.TwoFactorEnabled(req.UserId, HttpContext.ClientAddress());
        await Send.OkAsync(new Response(recoveryCodes), ct);
    }
}
