using Microsoft.Extensions.Options;
using static BCrypt.Net.BCrypt;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// bcrypt over a SHA-384 pre-hash: bcrypt alone reads only the first 72 bytes, so two long passwords sharing them would both match.
/// </summary>
internal sealed class Passwords(IOptions<AuthOptions> options)
{
    const BCrypt.Net.HashType PreHash = BCrypt.Net.HashType.SHA384;

    // Made up front (the endpoints that use this are built at start-up), so not even the first unknown username answers faster.
    readonly string _dummyHash = EnhancedHashPassword(Guid.NewGuid().ToString(), options.Value.BcryptWorkFactor, PreHash);

    public string Hash(string password) => EnhancedHashPassword(password, options.Value.BcryptWorkFactor, PreHash);

    /// <summary>Verifies against a dummy hash when there is no user, so an unknown username costs the same time as a wrong password.</summary>
    public bool Verify(string password, string? hash) =>
        EnhancedVerify(password, hash ?? _dummyHash, PreHash) && hash is not null;
}
