namespace Notes.Api.Tests.Features.Account;

public sealed class ListTokensTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ListTokens_returns_the_callers_tokens_newest_first_without_the_tokens_or_their_hashes()
    {
        var user = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        await other.CreateTokenAsync();
        var expiresAt = api.Clock.GetUtcNow().AddDays(7);
        var first = await user.CreateTokenAsync("read", expiresAt, name: "first");
        var second = await user.CreateTokenAsync("write", name: "second");

        var listed = await user.ListTokensAsync();

        Assert.Equal([second.Id, first.Id], listed.Select(t => t!["id"]!.GetValue<string>()));
        var oldest = listed[1]!.AsObject();
        Assert.Equal(["id", "name", "scope", "createdAt", "expiresAt", "lastUsedAt"], oldest.Select(p => p.Key));
        Assert.Equal(("first", "read"), (oldest["name"]!.GetValue<string>(), oldest["scope"]!.GetValue<string>()));
        Assert.Equal(expiresAt.ToUnixTimeMilliseconds(), oldest["expiresAt"]!.GetValue<DateTimeOffset>().ToUnixTimeMilliseconds());
        Assert.Null(oldest["lastUsedAt"]);
        Assert.Null(listed[0]!["expiresAt"]);
        var text = listed.ToJsonString();
        Assert.DoesNotContain(first.Token[4..], text);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
    }

}
