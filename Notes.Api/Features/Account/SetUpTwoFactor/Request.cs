namespace Notes.Api.Features.Account.SetUpTwoFactor;

internal sealed record Request : SignedInRequest
{
    /// <summary>The account's name, from the token: the authenticator app shows it beside the codes.</summary>
    [FromClaim(TokenClaims.Username)]
    public string Username { get; init; } = "";
}
