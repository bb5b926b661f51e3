namespace Notes.Api.Tests.Features.Shares;

public sealed class ReadLimitTests(ReadLimitTests.Factory api) : IClassFixture<ReadLimitTests.Factory>
{
    /// <summary>Three reads a minute per client address, each request from the address the test gives it.</summary>
    public sealed class Factory : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Shares:ReadsPerMinute"] = "3" };

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            PeerAddress.AddTo(builder);
        }
    }

    // One test: the window passing moves the clock a minute, past the tokens' 30-second skew for any user signed in after it.
    [Fact]
    public async Task Reads_past_the_limit_from_one_address_get_429_with_Retry_After_whatever_the_link_until_the_minute_is_over()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");
        var share = await user.ShareAsync(note.Id());
        const string reader = "203.0.113.40";

        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(share.Token(), reader)).StatusCode);
        await (await ReadAsync("unknown", reader)).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(share.Token(), reader)).StatusCode);
        var refused = await ReadAsync(share.Token(), reader);
        var refusedUnknown = await ReadAsync("unknown", reader);

        foreach (var response in new[] { refused, refusedUnknown })
        {
            await response.ProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
            Assert.InRange(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal("noindex", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(share.Token(), "203.0.113.41")).StatusCode);
        // A refused read opens nothing, so it is no view: two from the first address, one from the second.
        Assert.Equal(3, Assert.Single(await user.ListSharesAsync(note.Id()))!["views"]!.GetValue<long>());

        api.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(share.Token(), reader)).StatusCode);
    }

    Task<HttpResponseMessage> ReadAsync(string token, string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/shared/{token}");
        request.Headers.Add(PeerAddress.Header, peer);
        return api.CreateClient().SendAsync(request);
    }
}
