namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// A request from a signed-in caller: the one way a slice learns who is calling. The id comes from the token the session
/// check has already proved, never from the body, the route or the query. A record, so that a request whose query values
/// have defaults can be one too (FastEndpoints reads a query value's default, and that it is optional, from a record's
/// constructor).
/// </summary>
internal abstract record SignedInRequest
{
    [FromClaim(TokenClaims.UserId)]
    public string UserId { get; init; } = "";
}
