namespace Notes.Api.Tests.Support;

/// <summary>A personal access token as its creation answered it: its id, and the token, shown that once.</summary>
public sealed record CreatedToken(string Id, string Token);

public static class AccessTokenCalls
{
    public static Task<HttpResponseMessage> CreateTokenResponseAsync(this TestUser user, object body) =>
        user.Client.PostAsJsonAsync("/api/account/tokens", body);

    /// <summary>Creates a token (a write one that never expires unless the test says) and answers it.</summary>
    public static async Task<CreatedToken> CreateTokenAsync(this TestUser user, string scope = "write", DateTimeOffset? expiresAt = null, string name = "a script")
    {
        var response = await user.CreateTokenResponseAsync(new { name, scope, expiresAt });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        return new CreatedToken(body["id"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    public static async Task<JsonArray> ListTokensAsync(this TestUser user)
    {
        var response = await user.Client.GetAsync("/api/account/tokens");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).AsArray();
    }

    /// <summary>The problem answer to a good access token sent where its scope does not reach.</summary>
    public static async Task<JsonNode> InsufficientScopeAsync(this HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("error=\"insufficient_scope\"", challenge.Parameter);
        return problem;
    }
}
