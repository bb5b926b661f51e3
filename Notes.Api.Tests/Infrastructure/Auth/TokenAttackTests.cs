using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Tests.Infrastructure.Auth;

/// <summary>
/// Tokens that are not the app's own work: the JWT handler refuses each with 401 and <c>Bearer error="invalid_token"</c>,
/// under the very validation settings the app runs with. Each attack differs from a genuine token in one thing only.
/// </summary>
public sealed class TokenAttackTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static readonly object Hs256Header = new { alg = "HS256", typ = "JWT" };

    [Fact]
    public void The_running_app_trusts_only_its_own_key_under_HS256_and_has_nowhere_to_fetch_keys_from()
    {
        var jwt = api.Service<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var validation = jwt.TokenValidationParameters;

        Assert.Equal([SecurityAlgorithms.HmacSha256], validation.ValidAlgorithms);
        Assert.True(validation is { RequireSignedTokens: true, RequireExpirationTime: true, ValidateIssuer: true, ValidateAudience: true, ValidateLifetime: true });
        Assert.Equal(TimeSpan.FromSeconds(30), validation.ClockSkew);
        Assert.Equal(api.Service<IOptions<AuthOptions>>().Value.SecurityKey().Key, Assert.IsType<SymmetricSecurityKey>(validation.IssuerSigningKey).Key);
        Assert.Null(validation.IssuerSigningKeys);
        Assert.Null(validation.IssuerSigningKeyResolver);
        Assert.Null(validation.SignatureValidator);
        Assert.Null(jwt.Authority);
        Assert.True(string.IsNullOrEmpty(jwt.MetadataAddress));
        Assert.Null(jwt.ConfigurationManager);
    }

    [Fact]
    public async Task A_token_minted_like_the_apps_own_is_accepted()
    {
        var user = await api.SignedInUserAsync();

        var response = await api.ClientWithToken(Tokens.Mint(api, user)).GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_forged_by_hand_with_genuine_claims_and_the_apps_key_is_accepted()
    {
        var user = await api.SignedInUserAsync();

        var token = Tokens.Forge(Hs256Header, Tokens.GenuineClaims(api, user), Tokens.Hs256WithTheAppsKey(api));

        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithToken(token).GetAsync("/api/auth/me")).StatusCode);
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

    [Theory]
    [InlineData("none", false)]
    [InlineData("None", false)]
    [InlineData("NONE", false)]
    [InlineData("none", true)]
    [InlineData("None", true)]
    [InlineData("NONE", true)]
    public async Task An_alg_none_token_returns_401_Invalid_token(string alg, bool withJunkSignature)
    {
        var user = await api.SignedInUserAsync();

        var token = Tokens.Forge(new { alg, typ = "JWT" }, Tokens.GenuineClaims(api, user), withJunkSignature ? _ => "junk"u8.ToArray() : null);

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task A_genuine_token_with_its_signature_stripped_returns_401_Invalid_token()
    {
        var user = await api.SignedInUserAsync();
        var parts = user.Token.Split('.');

        var response = await api.ClientWithToken($"{parts[0]}.{parts[1]}.").GetAsync("/api/auth/me");

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

    [Theory]
    [InlineData("RS256 with an RSA jwk")]
    [InlineData("RS256 with an x5c certificate")]
    [InlineData("HS256 with a symmetric jwk")]
    public async Task A_token_signed_with_a_key_carried_in_its_own_header_returns_401_Invalid_token(string attack)
    {
        var user = await api.SignedInUserAsync();
        using var rsa = RSA.Create(2048);
        var secret = RandomNumberGenerator.GetBytes(32);
        (object header, Func<byte[], byte[]> sign) = attack switch
        {
            "RS256 with an RSA jwk" => (new { alg = "RS256", typ = "JWT", jwk = PublicJwk(rsa) }, Tokens.Rs256(rsa)),
            "RS256 with an x5c certificate" => (new { alg = "RS256", typ = "JWT", x5c = new[] { SelfSignedCertificate(rsa) } }, Tokens.Rs256(rsa)),
            _ => ((object)new { alg = "HS256", typ = "JWT", jwk = new { kty = "oct", k = Base64UrlEncoder.Encode(secret) } }, Tokens.Hs256(secret)),
        };

        var token = Tokens.Forge(header, Tokens.GenuineClaims(api, user), sign);

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
    }

    [Theory]
    [InlineData("jku", "RS256")]
    [InlineData("x5u", "RS256")]
    [InlineData("kid", "RS256")]
    [InlineData("jku", "HS256")]
    [InlineData("x5u", "HS256")]
    [InlineData("kid", "HS256")]
    public async Task A_token_naming_a_key_elsewhere_returns_401_Invalid_token_and_the_app_never_fetches_it(string reference, string alg)
    {
        var user = await api.SignedInUserAsync();
        // Where the attacker would serve their key set: any connection at all, made while the token is judged, queues here.
        var attackersServer = new TcpListener(System.Net.IPAddress.Loopback, 0);
        attackersServer.Start();
        try
        {
            var keyAddress = $"http://{attackersServer.LocalEndpoint}/.well-known/jwks.json";
            var header = new JsonObject { ["alg"] = alg, ["typ"] = "JWT", [reference] = keyAddress };
            using var rsa = RSA.Create(2048);
            var token = Tokens.Forge(header, Tokens.GenuineClaims(api, user), alg == "RS256" ? Tokens.Rs256(rsa) : Tokens.Hs256(RandomNumberGenerator.GetBytes(32)));

            var response = await api.ClientWithToken(token).GetAsync("/api/auth/me");

            await response.TokenRefusedAsync("Invalid token");
            Assert.False(attackersServer.Pending(), $"the app connected to {keyAddress} named by the token's {reference}");
        }
        finally
        {
            attackersServer.Stop();
        }
    }

    /// <summary>Key ids that would do harm if a key were ever looked up by them: in a file, in MongoDB, in memory.</summary>
    static readonly Dictionary<string, JsonNode?> HostileKeyIds = new()
    {
        ["a path to an empty file"] = "../../../../../../dev/null",
        ["a Mongo operator as text"] = """{"$ne":null}""",
        ["a Mongo operator as an object"] = new JsonObject { ["$ne"] = null },
        ["a SQL injection"] = "x' UNION SELECT 'secret' --",
        ["a NUL character"] = "key\0",
        ["10 KB long"] = new string('k', 10 * 1024),
    };

    [Theory]
    [InlineData("a path to an empty file")]
    [InlineData("a Mongo operator as text")]
    [InlineData("a Mongo operator as an object")]
    [InlineData("a SQL injection")]
    [InlineData("a NUL character")]
    [InlineData("10 KB long")]
    public async Task A_token_with_a_hostile_kid_returns_401_Invalid_token_never_a_server_error(string kid)
    {
        var user = await api.SignedInUserAsync();
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = HostileKeyIds[kid]?.DeepClone() };

        // Signed with an empty key: what a key looked up as /dev/null would be.
        var token = Tokens.Forge(header, Tokens.GenuineClaims(api, user), Tokens.Hs256([]));

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
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

    [Theory]
    [InlineData("exp")]
    [InlineData("iss")]
    [InlineData("aud")]
    public async Task A_token_without_its_claim_returns_401_Invalid_token(string claim)
    {
        var user = await api.SignedInUserAsync();
        var claims = Tokens.GenuineClaims(api, user);
        Assert.True(claims.Remove(claim));

        var token = Tokens.Forge(Hs256Header, claims, Tokens.Hs256WithTheAppsKey(api));

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
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
    public async Task A_token_expired_just_beyond_the_30_second_clock_skew_returns_401_Token_has_expired()
    {
        var user = await api.SignedInUserAsync();

        // exp is written in whole seconds, rounded down, so it is at least 31 seconds in the past when the API reads it.
        var token = Tokens.Mint(api, user, d =>
        {
            d.IssuedAt = DateTime.UtcNow.AddMinutes(-30);
            d.NotBefore = DateTime.UtcNow.AddMinutes(-30);
            d.Expires = DateTime.UtcNow.AddSeconds(-31);
        });

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Token has expired");
    }

    static object PublicJwk(RSA rsa)
    {
        var key = rsa.ExportParameters(includePrivateParameters: false);
        return new { kty = "RSA", n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) };
    }

    static string SelfSignedCertificate(RSA rsa)
    {
        var request = new CertificateRequest("CN=attacker", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return Convert.ToBase64String(certificate.RawData);
    }
}

public sealed class TokenAlgorithmTests(TokenAlgorithmTests.Factory api) : IClassFixture<TokenAlgorithmTests.Factory>
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
