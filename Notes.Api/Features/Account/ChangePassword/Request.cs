using Notes.Api.Features.Auth;

namespace Notes.Api.Features.Account.ChangePassword;

internal sealed record Request : SignedInRequest
{
    /// <summary>The account's name, from the token: the new password must not be guessable from it.</summary>
    [FromClaim(TokenClaims.Username)]
    public string Username { get; init; } = "";

    // A JSON null reads as empty, like a missing member, which the rules below refuse.
    public string CurrentPassword { get; init => field = value ?? ""; } = "";
    public string NewPassword { get; init => field = value ?? ""; } = "";

    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            // Only the shape, as at sign-in: whether it is the password is for the endpoint to find out, and to count.
            RuleFor(r => r.CurrentPassword).NotEmpty().MaximumLength(128);
            // Comparing with the current password as typed is enough: once that is proved right, an equal new one is the same password.
            RuleFor(r => r.NewPassword).NotEqual(r => r.CurrentPassword, StringComparer.Ordinal)
                .WithMessage("The new password must differ from the current one.");
            RuleFor(r => r.NewPassword).MustBeHardToGuess(r => r.Username);
        }
    }
}
