using System.Security.Claims;
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
}
