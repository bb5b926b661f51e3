using Microsoft.IdentityModel.Tokens;

namespace Notes.Api.Tests.Infrastructure.Auth;

public sealed class SessionIssuerTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/api/auth/login")]
    [InlineData("/api/auth/refresh")]
    public async Task An_issued_token_carries_only_its_HS256_JWT_header_and_the_eight_claims_the_api_needs(string issuedBy)
    {
        var user = await api.SignedInUserAsync();
        var response = issuedBy == "/api/auth/login"
            ? await api.CreateClient().PostAsJsonAsync(issuedBy, new { username = user.Username, password = user.Password })
            : await user.Client.PostAsync(issuedBy, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var parts = (await response.JsonAsync())["token"]!.GetValue<string>().Split('.');

        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        Assert.Equal(["alg", "typ"], header.Select(h => h.Key).Order());
        Assert.Equal("HS256", header["alg"]!.GetValue<string>());
        Assert.Equal("JWT", header["typ"]!.GetValue<string>());
        var claims = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        Assert.Equal(["aud", "exp", "iat", "iss", "jti", "name", "nbf", "sub"], claims.Select(c => c.Key).Order());
    }
}
