using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Notes.Api.Infrastructure.Auth;

internal static class AuthSetup
{
    public static IServiceCollection AddTokenAuth(this IServiceCollection services)
    {
        services.AddSingleton<IPostConfigureOptions<AuthOptions>, DevelopmentSigningKey>();
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .Validate(o => System.Text.Encoding.UTF8.GetByteCount(o.SigningKey) >= AuthOptions.MinSigningKeyBytes,
                $"Auth:SigningKey must be set to a secret of at least {AuthOptions.MinSigningKeyBytes} bytes (it is generated outside Production only)")
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "Auth:TokenLifetime must be positive")
            .Validate(o => o.BcryptWorkFactor is >= 4 and <= 31, "Auth:BcryptWorkFactor must be between 4 and 31")
            .Validate(o => o.MaxFailedLogins > 0, "Auth:MaxFailedLogins must be positive")
            .Validate(o => o.LockoutWindow > TimeSpan.Zero, "Auth:LockoutWindow must be positive")
            .Validate(o => o.RegistrationsPerHour > 0, "Auth:RegistrationsPerHour must be positive")
            .ValidateOnStart();

        // A bearer value starting nsp_ is a personal access token, anything else a session JWT: the default scheme picks the handler.
        var authentication = services.AddAuthentication(AccessTokenAuthentication.BearerScheme).AddJwtBearer();
        AccessTokenAuthentication.AddTo(authentication);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = auth.Value.ValidationParameters();
                jwt.Events = new JwtBearerEvents { OnChallenge = ChallengeAsync };
            });
        services.AddAuthorization();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, AccessTokenScopes>();

        services.AddSingleton<Passwords>();
        services.AddSingleton<Audit>();
        services.AddScoped<SessionIssuer>();
        services.AddScoped<Throttles>();
        services.AddScoped<SignInLimit>();
        TwoFactorSecrets.AddTo(services);
        services.AddScoped<TwoFactorCodes>();
        return services;
    }

    static Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var refusal = context.AuthenticateFailure switch
        {
            null => BearerChallenge.AuthenticationRequired,
            SecurityTokenExpiredException => BearerChallenge.TokenExpired,
            _ => BearerChallenge.InvalidToken,
        };
        return BearerChallenge.SendAsync(context.HttpContext, refusal);
    }
}
