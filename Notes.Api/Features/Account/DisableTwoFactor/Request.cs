namespace Notes.Api.Features.Account.DisableTwoFactor;

internal sealed record Request : SignedInRequest
{
    /// <summary>The account's name, from the token: the failed sign-in limit counts by it.</summary>
    [FromClaim(TokenClaims.Username)]
    public string Username { get; init; } = "";

    public string Password { get; init => field = value ?? ""; } = "";

    /// <summary>A current code from the authenticator app, or an unused recovery code (which is then spent).</summary>
    public string Code { get; init => field = value ?? ""; } = "";

    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Password).NotEmpty().MaximumLength(128);
            RuleFor(r => r.Code).NotEmpty().MaximumLength(32);
        }
    }
}
