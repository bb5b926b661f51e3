using Microsoft.Extensions.Options;
using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Tests.Infrastructure.Auth;

public sealed class PasswordsTests
{
    readonly Passwords _passwords = new(Options.Create(new AuthOptions { BcryptWorkFactor = 4 }));

    [Fact]
    public void A_password_verifies_against_its_own_hash_only()
    {
        var hash = _passwords.Hash("correct horse battery staple");

        Assert.True(_passwords.Verify("correct horse battery staple", hash));
        Assert.False(_passwords.Verify("correct horse battery stapler", hash));
        Assert.False(_passwords.Verify("Correct horse battery staple", hash));
    }

    [Fact]
    public void Passwords_that_share_their_first_72_bytes_are_told_apart()
    {
        var shared = new string('a', 72);
        var hash = _passwords.Hash(shared + "-first");

        Assert.False(_passwords.Verify(shared + "-second", hash));
    }

    [Fact]
    public void Hashes_are_bcrypt_with_a_cost_of_12_by_default()
    {
        var byDefault = new Passwords(Options.Create(new AuthOptions()));

        var hash = byDefault.Hash("correct horse battery staple");

        Assert.Matches(@"^\$2[abxy]\$12\$[./A-Za-z0-9]{53}$", hash);
    }

    [Fact]
    public void Two_equal_passwords_hash_differently_and_both_verify()
    {
        var first = _passwords.Hash("correct horse battery staple");
        var second = _passwords.Hash("correct horse battery staple");

        Assert.NotEqual(first, second);
        Assert.True(_passwords.Verify("correct horse battery staple", first));
        Assert.True(_passwords.Verify("correct horse battery staple", second));
    }

    [Fact]
    public void Without_a_user_to_check_against_nothing_verifies()
    {
        Assert.False(_passwords.Verify("any password at all", hash: null));
    }
}
