namespace Notes.Api.Infrastructure.Auth;

/// <summary>The one way a request is refused for want of a valid session: 401 problem details and an RFC 6750 challenge.</summary>
internal static class BearerChallenge
{
    public const string AuthenticationRequired = "Authentication required";
    public const string TokenExpired = "Token has expired";
    public const string TokenRevoked = "Token has been revoked";
    public const string InvalidToken = "Invalid token";

    public static Task SendAsync(HttpContext http, string detail)
    {
        // A request that sent no token is only told how to authenticate; a refused token is also named invalid.
        http.Response.Headers.WWWAuthenticate = detail == AuthenticationRequired ? "Bearer" : "Bearer error=\"invalid_token\"";
        return http.Response.SendResultAsync(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: detail));
    }
}
