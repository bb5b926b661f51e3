namespace Notes.Api.Infrastructure.Auth;

/// <summary>Why a request is refused for want of a valid session: the problem's code, and its detail for a person.</summary>
internal sealed record BearerRefusal(string Code, string Detail);

/// <summary>The one way a request is refused for want of a valid session: 401 problem details and an RFC 6750 challenge.</summary>
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
}
