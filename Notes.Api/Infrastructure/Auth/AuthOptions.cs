using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Notes.Api.Infrastructure.Auth;

internal sealed class AuthOptions
{
    public const string Section = "Auth";
    public const int MinSigningKeyBytes = 32;

    /// <summary>A secret whose UTF-8 bytes are the HMAC-SHA256 key.</summary>
    public string SigningKey { get; set; } = "";
    public string Issuer { get; set; } = "notes-api";
    public string Audience { get; set; } = "notes-api";
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);
    public int BcryptWorkFactor { get; set; } = 12;
    public int MaxFailedLogins { get; set; } = 10;
    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Accounts one client address may create in an hour.</summary>
    public int RegistrationsPerHour { get; set; } = 20;

    public SymmetricSecurityKey SecurityKey() => new(Encoding.UTF8.GetBytes(SigningKey));

    /// <summary>The one definition of an acceptable token, shared by the API and the tests that attack it.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SecurityKey(),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        NameClaimType = TokenClaims.Username,
    };
}
