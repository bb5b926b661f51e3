using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>Outside Production a missing signing key is replaced by a random one, so a newcomer can start the app with no secrets.</summary>
internal sealed class DevelopmentSigningKey(IHostEnvironment environment, ILogger<DevelopmentSigningKey> logger) : IPostConfigureOptions<AuthOptions>
{
    public void PostConfigure(string? name, AuthOptions options)
    {
        if (!string.IsNullOrEmpty(options.SigningKey) || environment.IsProduction())
            return;

        options.SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        logger.LogWarning("Auth:SigningKey is not set: using a random key for this process, so tokens will not survive a restart");
    }
}
