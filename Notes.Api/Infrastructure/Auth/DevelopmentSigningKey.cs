using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>Outside Production a missing signing key is replaced by a random one, so a newcomer can start the app with no secrets.</summary>
internal sealed class DevelopmentSigningKey : IPostConfigureOptions<AuthOptions>
{
    readonly IHostEnvironment _environment;

    // One key per app: options are built once per cache (IOptions and IOptionsMonitor each keep one), and all must agree.
    readonly Lazy<string> _key;

    public DevelopmentSigningKey(IHostEnvironment environment, ILogger<DevelopmentSigningKey> logger)
    {
        _environment = environment;
        _key = new(() =>
        {
            logger.LogWarning("Auth:SigningKey is not set: using a random key for this process, so tokens will not survive a restart");
            return Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        });
    }

    public void PostConfigure(string? name, AuthOptions options)
    {
        if (string.IsNullOrEmpty(options.SigningKey) && !_environment.IsProduction())
            options.SigningKey = _key.Value;
    }
}
