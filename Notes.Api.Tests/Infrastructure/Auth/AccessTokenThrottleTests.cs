namespace Notes.Api.Tests.Infrastructure.Auth;

/// <summary>Failed token attempts count per client address, in MongoDB, against the sign-in limit's numbers (three here).</summary>
public sealed class AccessTokenThrottleTests(SignInLimitApi api) : IClassFixture<SignInLimitApi>
{
    const string Unknown = "nsp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    [Fact]
    public async Task Past_the_limit_of_failed_tokens_an_address_gets_429_with_Retry_After_even_for_a_good_token_until_the_window_passes()
    {
        var user = await api.SignedInUserAsync();
        var good = (await user.CreateTokenAsync()).Token;
        // Good tokens do not count: only the failures after them do.
        for (var i = 0; i < SignInLimitApi.MaxFailedLogins + 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(good, "198.51.100.20")).StatusCode);
        for (var i = 0; i < SignInLimitApi.MaxFailedLogins; i++)
            await (await SendAsync(Unknown, "198.51.100.20")).TokenRefusedAsync("Token has been revoked");

        var throttled = await SendAsync(good, "198.51.100.20");
        var unknown = await SendAsync(Unknown, "198.51.100.20");

        var problem = await throttled.ProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.Contains("Too many failed access token attempts", problem["detail"]!.GetValue<string>());
        Assert.InRange(int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 15 * 60);
        await unknown.ProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(good, "198.51.100.21")).StatusCode);
        await (await SendAsync(Unknown, "198.51.100.21")).TokenRefusedAsync("Token has been revoked");

        api.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(good, "198.51.100.20")).StatusCode);
    }

    Task<HttpResponseMessage> SendAsync(string token, string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/notes") { Headers = { { PeerAddress.Header, peer } } };
        request.Headers.Authorization = new("Bearer", token);
        return api.CreateClient().SendAsync(request);
    }
}
