namespace Notes.Api.Features.Account;

// Members named as the stored fields: the embedded engine ignores find projections (see ChangePassword's Data).
internal sealed record Credentials(string PasswordHash, TwoFactor? TwoFactor);

/// <summary>
/// The proof a grave change asks for beyond the token (turning two-step sign-in off, deleting the account): the password, and a
/// second-step code when two-step sign-in is on. Every attempt counts toward the failed sign-in limit, as signing in does, so a
/// stolen token cannot guess either faster than the sign-in form could; a full proof clears the count.
/// </summary>
internal sealed class Reauthentication(IMongoCollection<User> users, Passwords passwords, TwoFactorCodes codes, SignInLimit signInLimit, Audit audit)
{
    internal abstract record Outcome;

    /// <summary>The caller is proved again; with the account's two-step state, for a change that depends on it.</summary>
    internal sealed record Proved(TwoFactor? TwoFactor) : Outcome;

    internal sealed record Refused(IResult Answer) : Outcome;

    /// <summary>
    /// The proof, or the refusal to answer: <c>429</c> over the limit, <c>400 wrong_password</c> naming password, or
    /// <c>400 invalid_code</c> naming code. <paramref name="change"/> names the change in the audit trail.
    /// </summary>
    public async Task<Outcome> ProveAsync(HttpContext http, string userId, string username, string password, string code, string change, CancellationToken ct)
    {
        var client = http.ClientAddress();
        if (await signInLimit.RefusalAsync(http, username, ct) is { } tooMany)
            return new Refused(tooMany);

        // The session check has just proved the user exists.
        var stored = await users.Find(u => u.Id == userId).Project(u => new Credentials(u.PasswordHash, u.TwoFactor)).SingleAsync(ct);
        if (!await passwords.VerifyAsync(password, stored.PasswordHash, ct))
        {
            audit.AccountChangeRefused(change, userId, client);
            const string wrong = "The password is wrong.";
            return new Refused(Problems.Of(StatusCodes.Status400BadRequest, ProblemCodes.WrongPassword, wrong, [new FieldError("password", wrong)]));
        }

        if (stored.TwoFactor is { } twoFactor)
        {
            var step = await codes.SpendAsync(userId, twoFactor, code, ct);
            if (step == SecondStep.Refused)
            {
                audit.TwoFactorRefused(userId, client);
                const string wrong = "The code is wrong or has been used.";
                return new Refused(Problems.Of(StatusCodes.Status400BadRequest, ProblemCodes.InvalidCode, wrong, [new FieldError("code", wrong)]));
            }

            if (step == SecondStep.RecoveryCode)
                audit.RecoveryCodeUsed(userId, client);
        }

        await signInLimit.ClearAsync(http, username, ct);
        return new Proved(stored.TwoFactor);
    }
}
