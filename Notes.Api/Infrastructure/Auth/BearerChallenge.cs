namespace Notes.Api.Infrastructure.Auth;

/// <summary>Why a request is refused for want of a valid session: the problem's code, and its detail for a person.</summary>
internal sealed record BearerRefusal(string Code, string Detail);

/// <summary>
/// The one way a request is refused for want of a valid session or access token: 401 problem details and an RFC 6750 challenge,
/// or 403 for an access token outside its scope.
/// </summary>
internal static class BearerChallenge
{
    public static readonly BearerRefusal AuthenticationRequired = new(ProblemCodes.AuthRequired, "Authentication required");
    public static readonly BearerRefusal TokenExpired = new(ProblemCodes.TokenExpired, "Token has expired");
    public static readonly BearerRefusal TokenRevoked = new(ProblemCodes.TokenRevoked, "Token has been revoked");
    public static readonly BearerRefusal InvalidToken = new(ProblemCodes.InvalidToken, "Invalid token");

    public static Task SendAsync(HttpContext http, BearerRefusal refusal)
    {
        // A request that sent no token is only told how to authenticate; a refused token is also named invalid.
        http.Response.Headers.WWWAuthenticate = refusal == AuthenticationRequired ? "Bearer" : "Bearer error=\"invalid_token\"";
        return http.Response.SendResultAsync(Problems.Of(StatusCodes.Status401Unauthorized, refusal.Code, refusal.Detail));
    }

    /// <summary>A good access token sent where its scope does not reach (RFC 6750 section 3.1): 403, whatever the endpoint.</summary>
    public static Task SendInsufficientScopeAsync(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\"";
        return http.Response.SendResultAsync(Problems.Of(StatusCodes.Status403Forbidden, ProblemCodes.InsufficientScope,
            "Access tokens reach notes, tags, revisions, the trash, export and import, and a read token only reads; " +
            "the account is managed from a signed-in session."));
    }
}
