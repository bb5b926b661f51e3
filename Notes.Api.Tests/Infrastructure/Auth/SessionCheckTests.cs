using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using MongoDB.Bson;

using Notes.Api.Entities;

namespace Notes.Api.Tests.Infrastructure.Auth;

public sealed class SessionCheckTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_refused_token_changes_nothing()
    {
        var user = await api.SignedInUserAsync();
        await user.Client.PostAsync("/api/auth/logout", null);

        var response = await user.Client.PostAsJsonAsync("/api/notes", new { title = "written after logout", description = "" });

        await response.TokenRefusedAsync("Token has been revoked");
        Assert.Equal(0, await api.Service<IMongoCollection<Note>>().CountDocumentsAsync(n => n.OwnerId == user.Id));
    }

    [Fact]
    public async Task A_token_minted_like_the_apps_own_is_accepted()
    {
        var user = await api.SignedInUserAsync();

        var response = await api.ClientWithToken(Tokens.Mint(api, user)).GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_in_the_access_token_query_string_is_not_accepted()
    {
        var user = await api.SignedInUserAsync();

        var response = await api.CreateClient().GetAsync($"/api/auth/me?access_token={user.Token}");

        await response.AuthenticationRequiredAsync();
    }

    [Fact]
    public async Task A_bearer_value_that_is_not_a_JWT_returns_401_Invalid_token()
    {
        var response = await api.ClientWithToken("not-a-jwt").GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task A_token_with_a_tampered_signature_returns_401_Invalid_token()
    {
        var user = await api.SignedInUserAsync();
        var parts = user.Token.Split('.');
        // The first character of a signature carries six whole bits, so changing it always changes the signature.
        var signature = (parts[2][0] == 'A' ? 'B' : 'A') + parts[2][1..];

        var response = await api.ClientWithToken($"{parts[0]}.{parts[1]}.{signature}").GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task A_token_whose_claims_were_changed_after_signing_returns_401_Invalid_token()
    {
        var victim = await api.SignedInUserAsync();
        var attacker = await api.SignedInUserAsync();
        var parts = attacker.Token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace(attacker.Id, victim.Id, StringComparison.Ordinal);

        var response = await api.ClientWithToken($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}").GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_returns_401_Invalid_token()
    {
        var user = await api.SignedInUserAsync();
        var otherKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-signing-key-that-is-longer-than-32-bytes"));

        var token = Tokens.Mint(api, user, d => d.SigningCredentials = new SigningCredentials(otherKey, SecurityAlgorithms.HmacSha256));

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_returns_401_Invalid_token()
    {
        var user = await api.SignedInUserAsync();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var genuinePayload = user.Token.Split('.')[1];

        var response = await api.ClientWithToken($"{header}.{genuinePayload}.").GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task A_token_from_another_issuer_returns_401_Invalid_token()
    {
        var user = await api.SignedInUserAsync();

        var token = Tokens.Mint(api, user, d => d.Issuer = "someone-else");

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task A_token_for_another_audience_returns_401_Invalid_token()
    {
        var user = await api.SignedInUserAsync();

        var token = Tokens.Mint(api, user, d => d.Audience = "another-api");

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task A_token_without_a_session_id_returns_401_Invalid_token()
    {
        var user = await api.SignedInUserAsync();

        var token = Tokens.Mint(api, user, d => d.Subject = new ClaimsIdentity([new Claim("sub", user.Id), new Claim("name", user.Username)]));

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task A_token_without_a_user_id_returns_401_Invalid_token()
    {
        var user = await api.SignedInUserAsync();
        var sessionId = new JsonWebToken(user.Token).Id;

        var token = Tokens.Mint(api, user, d => d.Subject = new ClaimsIdentity([new Claim("jti", sessionId), new Claim("name", user.Username)]));

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
    }

    [Theory]
    [InlineData("sub")]
    [InlineData("jti")]
    public async Task A_token_whose_ids_are_not_object_ids_returns_401_Invalid_token(string claim)
    {
        var user = await api.SignedInUserAsync();
        var issued = new JsonWebToken(user.Token);

        var token = Tokens.Mint(api, user, d => d.Subject = new ClaimsIdentity([
            new Claim("sub", claim == "sub" ? "not-an-object-id" : issued.Subject),
            new Claim("jti", claim == "jti" ? "not-an-object-id" : issued.Id),
            new Claim("name", user.Username),
        ]));

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task A_token_without_an_expiry_returns_401_Invalid_token()
    {
        var user = await api.SignedInUserAsync();
        var issued = new JsonWebToken(user.Token);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = $$"""{"sub":"{{user.Id}}","name":"{{user.Username}}","jti":"{{issued.Id}}","iss":"notes-api","aud":"notes-api","iat":{{now}},"nbf":{{now}}}""";

        var response = await api.ClientWithToken(SignedByHand(payload)).GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task A_token_not_valid_until_beyond_the_clock_skew_returns_401_Invalid_token()
    {
        var user = await api.SignedInUserAsync();

        var token = Tokens.Mint(api, user, d =>
        {
            d.NotBefore = DateTime.UtcNow.AddMinutes(2);
            d.Expires = DateTime.UtcNow.AddMinutes(10);
        });

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task A_token_expired_beyond_the_30_second_clock_skew_returns_401_Token_has_expired()
    {
        var user = await api.SignedInUserAsync();

        var token = Tokens.Mint(api, user, d =>
        {
            d.IssuedAt = DateTime.UtcNow.AddMinutes(-30);
            d.NotBefore = DateTime.UtcNow.AddMinutes(-30);
            d.Expires = DateTime.UtcNow.AddSeconds(-35);
        });

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Token has expired");
    }

    [Fact]
    public async Task A_token_whose_session_has_expired_in_the_database_returns_401_Token_has_expired()
    {
        var user = await api.SignedInUserAsync();
        var sessionId = new JsonWebToken(user.Token).Id;
        await api.Service<IMongoCollection<Session>>()
            .UpdateOneAsync(s => s.Id == sessionId, Builders<Session>.Update.Set(s => s.ExpiresAt, DateTime.UtcNow.AddSeconds(-1)));

        var response = await user.Client.GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Token has expired");
    }

    [Fact]
    public async Task A_token_whose_session_was_deleted_returns_401_Token_has_been_revoked()
    {
        var user = await api.SignedInUserAsync();
        var sessionId = new JsonWebToken(user.Token).Id;
        await api.Service<IMongoCollection<Session>>().DeleteOneAsync(s => s.Id == sessionId);

        var response = await user.Client.GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Token has been revoked");
    }

    [Fact]
    public async Task A_token_whose_session_id_names_no_session_returns_401_Token_has_been_revoked()
    {
        var user = await api.SignedInUserAsync();

        var token = Tokens.Mint(api, user, d => d.Subject = new ClaimsIdentity([
            new Claim("sub", user.Id), new Claim("name", user.Username), new Claim("jti", ObjectId.GenerateNewId().ToString()),
        ]));

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Token has been revoked");
    }

    [Fact]
    public async Task A_token_naming_another_users_session_returns_401_Token_has_been_revoked()
    {
        var victim = await api.SignedInUserAsync();
        var attacker = await api.SignedInUserAsync();

        var token = Tokens.Mint(api, attacker, d => d.Subject = new ClaimsIdentity([
            new Claim("sub", attacker.Id), new Claim("name", attacker.Username), new Claim("jti", new JsonWebToken(victim.Token).Id),
        ]));

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Token has been revoked");
        Assert.Equal(HttpStatusCode.OK, (await victim.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_for_a_deleted_user_returns_401_Token_has_been_revoked()
    {
        var user = await api.SignedInUserAsync();
        await api.Service<IMongoCollection<User>>().DeleteOneAsync(u => u.Id == user.Id);

        var response = await user.Client.GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Token has been revoked");
    }

    /// <summary>An HS256 token over exactly this payload, for shapes the token handler refuses to create.</summary>
    static string SignedByHand(string payload)
    {
        var unsigned = $"{Base64UrlEncoder.Encode("""{"alg":"HS256","typ":"JWT"}""")}.{Base64UrlEncoder.Encode(payload)}";
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(ApiFactory.SigningKey), Encoding.ASCII.GetBytes(unsigned));
        return $"{unsigned}.{Base64UrlEncoder.Encode(signature)}";
    }
}

public sealed class SessionExpiryTests(SessionExpiryTests.Factory api) : IClassFixture<SessionExpiryTests.Factory>
{
    /// <summary>Sessions that last two seconds, far inside the JWT's 30-second clock skew.</summary>
    public class Factory : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Auth:TokenLifetime"] = "00:00:02" };
    }

    [Fact]
    public async Task A_token_whose_session_has_expired_returns_401_Token_has_expired_while_the_JWT_is_inside_the_clock_skew()
    {
        var user = await api.SignedInUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var response = await user.Client.GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Token has expired");
        Assert.True(new JsonWebToken(user.Token).ValidTo > DateTime.UtcNow.AddSeconds(-30), "the JWT alone would still be accepted");
    }
}

public sealed class SessionCheckAlgorithmTests(SessionCheckAlgorithmTests.Factory api) : IClassFixture<SessionCheckAlgorithmTests.Factory>
{
    /// <summary>
    /// A signing key long enough for HS512 (64 bytes), so a token under another HMAC algorithm is refused for its algorithm alone,
    /// not because the key is too short for it.
    /// </summary>
    public class Factory : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Auth:SigningKey"] = new string('k', 64) };
    }

    [Fact]
    public async Task A_token_signed_with_the_right_key_and_HS256_is_accepted()
    {
        var user = await api.SignedInUserAsync();

        var token = Tokens.Mint(api, user, algorithm: SecurityAlgorithms.HmacSha256);

        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithToken(token).GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.HmacSha384)]
    [InlineData(SecurityAlgorithms.HmacSha512)]
    public async Task A_token_signed_with_the_right_key_but_another_algorithm_returns_401_Invalid_token(string algorithm)
    {
        var user = await api.SignedInUserAsync();

        var token = Tokens.Mint(api, user, algorithm: algorithm);

        Assert.Equal(algorithm, new JsonWebToken(token).Alg);
        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
    }
}
