using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Tests.Infrastructure.Auth;

public sealed class BearerSecretsTests
{
    [Fact]
    public void A_secret_is_32_random_bytes_in_43_characters_of_unpadded_base64url()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => BearerSecrets.New()).ToList();

        Assert.All(secrets, secret =>
        {
            Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);
            Assert.Equal(BearerSecrets.Length, secret.Length);
            Assert.Equal(32, WebEncoders.Base64UrlDecode(secret).Length);
            Assert.True(BearerSecrets.IsWellFormed(secret));
        });
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 42 characters
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // padding
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")] // base64, not base64url
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAé")]
    public void Text_of_another_length_or_alphabet_is_no_secret(string text) => Assert.False(BearerSecrets.IsWellFormed(text));

    [Fact]
    public void The_stored_hash_is_the_lower_case_hex_sha256_of_the_secrets_utf8_the_same_every_time_and_never_the_secret()
    {
        var secret = BearerSecrets.New();

        var hash = BearerSecrets.HashOf(secret);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), hash);
        Assert.Equal(hash, BearerSecrets.HashOf(secret));
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.NotEqual(secret, hash);
        Assert.NotEqual(hash, BearerSecrets.HashOf(BearerSecrets.New()));
        // Known answer, so the format of what is stored cannot drift unnoticed: SHA-256 of "abc" (FIPS 180-2).
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", BearerSecrets.HashOf("abc"));
    }

    [Fact]
    public void Text_outside_ascii_hashes_by_its_utf8_never_by_a_lossy_encoding()
    {
        Assert.Matches("^[0-9a-f]{64}$", BearerSecrets.HashOf(""));
        // ASCII would turn both into "?": a bearer value of "é" must not find the document a "?" was stored under.
        Assert.NotEqual(BearerSecrets.HashOf("é"), BearerSecrets.HashOf("?"));
    }
}
