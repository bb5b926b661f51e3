using Microsoft.Extensions.Options;
using static BCrypt.Net.BCrypt;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// bcrypt over a SHA-384 pre-hash: bcrypt alone reads only the first 72 bytes, so two long passwords sharing them would both match.
/// </summary>
internal sealed class Passwords(IOptions<AuthOptions> options)
{
    const BCrypt.Net.HashType PreHash = BCrypt.Net.HashType.SHA384;

    readonly Lazy<string> _dummyHash = new(() => EnhancedHashPassword(Guid.NewGuid().ToString(), options.Value.BcryptWorkFactor, PreHash));

    public string Hash(string password) => EnhancedHashPassword(password, options.Value.BcryptWorkFactor, PreHash);

    /// <summary>Verifies against a dummy hash when there is no user, so an unknown username costs the same time as a wrong password.</summary>
    public bool Verify(string password, string? hash) =>
        EnhancedVerify(password, hash ?? _dummyHash.Value, PreHash) && hash is not null;
}
