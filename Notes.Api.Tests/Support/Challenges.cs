namespace Notes.Api.Tests.Support;

/// <summary>The two shapes of a 401 from the token-and-user check, as RFC 6750 tells them apart.</summary>
public static class Challenges
{
    /// <summary>A request that sent no token: 401 problem with the detail and a bare <c>WWW-Authenticate: Bearer</c>.</summary>
    public static async Task<JsonNode> AuthenticationRequiredAsync(this HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized, "auth_required");
        Assert.Equal("Authentication required", problem["detail"]!.GetValue<string>());
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Null(challenge.Parameter);
        return problem;
    }

    /// <summary>
    /// A token that was sent and refused: 401 problem with this detail, the code that goes with it, and
    /// <c>WWW-Authenticate: Bearer error="invalid_token"</c>.
    /// </summary>
    public static async Task<JsonNode> TokenRefusedAsync(this HttpResponseMessage response, string detail)
    {
        var code = detail switch
        {
            "Token has expired" => "token_expired",
            "Token has been revoked" => "token_revoked",
            "Invalid token" => "invalid_token",
            _ => throw new ArgumentException($"No 401 says '{detail}'.", nameof(detail)),
        };
        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized, code);
        Assert.Equal(detail, problem["detail"]!.GetValue<string>());
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("error=\"invalid_token\"", challenge.Parameter);
        return problem;
    }
}
