using Notes.Api.Features.Auth;

namespace Notes.Api.Features.Account.ChangePassword;

internal sealed class Endpoint(Data data, Passwords passwords, SignInLimit signInLimit, SessionIssuer sessions, Audit audit)
    : Endpoint<Request, TokenResponse>
{
    public override void Configure()
    {
        Put("password");
        Group<AccountGroup>();
        Description(d => d.ProducesProblems(StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests));
        Summary(s =>
        {
            s.Summary = "Change your password; every session ends, and this one goes on with a fresh token";
            s.Description = "Needs the current password. The new one follows the registration rules (hard to guess, the username counted) " +
                "and must differ from the current one. Every session of yours ends at once, on every instance, this one included: " +
                "the answer is a fresh token, in the sign-in shape, to go on with. A wrong current password counts toward the " +
                "failed sign-in limit, and past it the change is refused for a while.";
            s.Responses[StatusCodes.Status200OK] = "The password was changed; a fresh token to go on with.";
            s.Responses[StatusCodes.Status400BadRequest] =
                "The current password is wrong (wrong_password), or the new one breaks a rule (validation_failed); errors names the field.";
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

        var currentHash = await data.FindPasswordHashAsync(req.UserId, ct);
        if (!await passwords.VerifyAsync(req.CurrentPassword, currentHash, ct)
            || !await data.TryReplacePasswordHashAsync(req.UserId, currentHash, await passwords.HashAsync(req.NewPassword, ct), ct))
        {
            audit.PasswordChangeRefused(req.UserId, client);
            const string wrong = "The current password is wrong.";
            await Send.ResultAsync(Problems.Of(StatusCodes.Status400BadRequest, ProblemCodes.WrongPassword, wrong, [new FieldError("currentPassword", wrong)]));
            return;
        }

        // From here the new password is stored: the old sessions must end even if the caller goes away now.
        await signInLimit.ClearAsync(HttpContext, req.Username, CancellationToken.None);
        var ended = await data.EndAllSessionsAsync(req.UserId, CancellationToken.None);
        var issued = await sessions.StartAsync(req.UserId, req.Username, HttpContext, CancellationToken.None);
        audit.PasswordChanged(req.UserId, ended, client);
        await Send.OkAsync(TokenResponse.Bearer(issued, req.UserId, req.Username), ct);
    }
}
