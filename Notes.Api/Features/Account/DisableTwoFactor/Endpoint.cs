namespace Notes.Api.Features.Account.DisableTwoFactor;

internal sealed class Endpoint(Data data, Reauthentication reauthentication, Audit audit) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("two-factor");
        Group<AccountGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests));
        Summary(s =>
        {
            s.Summary = "Turn two-step sign-in off";
            s.Description = "Needs the password and a current code from the authenticator app, or an unused recovery code (which is " +
                "then spent). From then on, the password alone signs in; the secret and the recovery codes are forgotten. Wrong " +
                "passwords and codes count toward the failed sign-in limit, and past it the change is refused for a while.";
            s.Responses[StatusCodes.Status204NoContent] = "Two-step sign-in is off.";
            s.Responses[StatusCodes.Status400BadRequest] =
                "The password is wrong (wrong_password), the code is wrong or used (invalid_code), or either is missing (validation_failed).";
            s.Responses[StatusCodes.Status409Conflict] = "Two-step sign-in is not on (two_factor_not_enabled).";
            SignInLimit.DescribeRefusal(s);
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = await reauthentication.ProveAsync(HttpContext, req.UserId, req.Username, req.Password, req.Code, "Turning two-step sign-in off", ct);
        if (outcome is Reauthentication.Refused refused)
        {
            await Send.ResultAsync(refused.Answer);
            return;
        }

        // Off already, or turned off by a request in between.
        if (outcome is not Reauthentication.Proved { TwoFactor: { } twoFactor } || !await data.TryDisableAsync(req.UserId, twoFactor, ct))
        {
            await Send.ResultAsync(Problems.Of(StatusCodes.Status409Conflict, ProblemCodes.TwoFactorNotEnabled, "Two-step sign-in is not on."));
            return;
        }

        audit.TwoFactorDisabled(req.UserId, HttpContext.ClientAddress());
        await Send.NoContentAsync(ct);
    }
}
