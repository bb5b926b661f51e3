using Microsoft.Extensions.Options;
using static BCrypt.Net.BCrypt;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// bcrypt over a SHA-384 pre-hash: bcrypt alone reads only the first 72 bytes, so two long passwords sharing them would both match.
/// </summary>
internal sealed class Passwords(IOptions<AuthOptions> options)
{
    const BCrypt.Net.HashType PreHash = BCrypt.Net.HashType.SHA384;

    // bcrypt is slow on purpose and holds a core while it runs. Fewer hashes than cores run at once, the rest wait without
    // holding a thread, so a burst of sign-ins cannot take every core from the requests that only read.
    readonly SemaphoreSlim _cores = new(Math.Max(1, Environment.ProcessorCount - 1));

    // Made up front (the endpoints that use this are built at start-up), so not even the first unknown username answers faster.
    readonly string _dummyHash = EnhancedHashPassword(Guid.NewGuid().ToString(), options.Value.BcryptWorkFactor, PreHash);

    public Task<string> HashAsync(string password, CancellationToken ct) =>
        OnFreeCoreAsync(() => EnhancedHashPassword(password, options.Value.BcryptWorkFactor, PreHash), ct);

    /// <summary>Verifies against a dummy hash when there is no user, so an unknown username costs the same time as a wrong password.</summary>
    public Task<bool> VerifyAsync(string password, string? hash, CancellationToken ct) =>
        OnFreeCoreAsync(() => EnhancedVerify(password, hash ?? _dummyHash, PreHash) && hash is not null, ct);

    async Task<T> OnFreeCoreAsync<T>(Func<T> work, CancellationToken ct)
    {
        await _cores.WaitAsync(ct);
        try
        {
            return work();
        }
        finally
        {
            _cores.Release();
        }
    }
}
