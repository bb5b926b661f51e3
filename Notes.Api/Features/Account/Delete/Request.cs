namespace Notes.Api.Features.Account.Delete;

internal sealed record Request : SignedInRequest
{
    /// <summary>The account's name, from the token: the failed sign-in limit counts by it, and counts kept by name go with the account.</summary>
    [FromClaim(TokenClaims.Username)]
    public string Username { get; init; } = "";

    public string Password { get; init => field = value ?? ""; } = "";

    /// <summary>With two-step sign-in on: a current code from the authenticator app, or an unused recovery code.</summary>
    /// <remarks>Optional, so nullable: a null or missing code reads as none.</remarks>
    public string? Code { get; init; }

    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Password).NotEmpty().MaximumLength(128);
            RuleFor(r => r.Code).MaximumLength(32);
        }
    }
}
