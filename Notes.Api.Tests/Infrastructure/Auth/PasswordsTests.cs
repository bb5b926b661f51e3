using Microsoft.Extensions.Options;
using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Tests.Infrastructure.Auth;

public sealed class PasswordsTests
{
    readonly Passwords _passwords = new(Options.Create(new AuthOptions { BcryptWorkFactor = 4 }));

    [Fact]
    public async Task A_password_verifies_against_its_own_hash_only()
    {
        var hash = await _passwords.HashAsync("correct horse battery staple", CancellationToken.None);

        Assert.True(await _passwords.VerifyAsync("correct horse battery staple", hash, CancellationToken.None));
        Assert.False(await _passwords.VerifyAsync("correct horse battery stapler", hash, CancellationToken.None));
        Assert.False(await _passwords.VerifyAsync("Correct horse battery staple", hash, CancellationToken.None));
    }

    [Fact]
    public async Task Passwords_that_share_their_first_72_bytes_are_told_apart()
    {
        var shared = new string('a', 72);
        var hash = await _passwords.HashAsync(shared + "-first", CancellationToken.None);

        Assert.False(await _passwords.VerifyAsync(shared + "-second", hash, CancellationToken.None));
    }

    [Fact]
    public async Task Hashes_are_bcrypt_with_a_cost_of_12_by_default()
    {
        var byDefault = new Passwords(Options.Create(new AuthOptions()));

        var hash = await byDefault.HashAsync("correct horse battery staple", CancellationToken.None);

        Assert.Matches(@"^\$2[abxy]\$12\$[./A-Za-z0-9]{53}$", hash);
    }

    [Fact]
    public async Task Two_equal_passwords_hash_differently_and_both_verify()
    {
        var first = await _passwords.HashAsync("correct horse battery staple", CancellationToken.None);
        var second = await _passwords.HashAsync("correct horse battery staple", CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.True(await _passwords.VerifyAsync("correct horse battery staple", first, CancellationToken.None));
        Assert.True(await _passwords.VerifyAsync("correct horse battery staple", second, CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_user_to_check_against_nothing_verifies()
    {
        Assert.False(await _passwords.VerifyAsync("any password at all", hash: null, CancellationToken.None));
    }
}
