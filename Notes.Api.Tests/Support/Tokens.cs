using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Tests.Support;

/// <summary>Mints tokens with the app's own key and settings, so an attack test differs from a real token in one thing only.</summary>
public static class Tokens
{
    public static string Mint(ApiFactory api, TestUser user, Action<SecurityTokenDescriptor>? change = null, string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var auth = api.Service<IOptions<AuthOptions>>().Value;
        var issued = new JsonWebToken(user.Token);
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(issued.Claims.Where(c => c.Type is "sub" or "name" or "jti")),
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(auth.SecurityKey(), algorithm),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>The claims of a token <see cref="Mint"/> would make, for a test to edit before it <see cref="Forge"/>s a token around them.</summary>
    public static JsonObject GenuineClaims(ApiFactory api, TestUser user) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(Mint(api, user).Split('.')[1]))!.AsObject();

    /// <summary>
    /// A compact JWS assembled by hand from exactly this header and payload (each serialized as JSON), signed by
    /// <paramref name="sign"/> or with an empty signature: for the shapes the token handler refuses to create.
    /// </summary>
    public static string Forge(object header, object payload, Func<byte[], byte[]>? sign = null)
    {
        var signingInput = $"{Base64UrlEncoder.Encode(JsonSerializer.Serialize(header))}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}";
        var signature = sign is null ? "" : Base64UrlEncoder.Encode(sign(Encoding.ASCII.GetBytes(signingInput)));
        return $"{signingInput}.{signature}";
    }

    public static Func<byte[], byte[]> Hs256(byte[] key) => data => HMACSHA256.HashData(key, data);

    /// <summary>HS256 under the key the app itself signs with: a forged token signed so is as genuine as the app's own.</summary>
    public static Func<byte[], byte[]> Hs256WithTheAppsKey(ApiFactory api) =>
        Hs256(api.Service<IOptions<AuthOptions>>().Value.SecurityKey().Key);

    public static Func<byte[], byte[]> Rs256(RSA key) => data => key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
}
