namespace Notes.Api.Tests.Infrastructure;

/// <summary>An API that lets one other site's pages call it.</summary>
public sealed class CrossOriginApi : ApiFactory
{
    public const string AllowedOrigin = "https://notes.example.com";

    protected override Dictionary<string, string> Settings => new(base.Settings) { ["Http:AllowedOrigins:0"] = AllowedOrigin };
}

public sealed class CrossOriginTests(CrossOriginApi allowing, ApiFactory plain) : IClassFixture<CrossOriginApi>, IClassFixture<ApiFactory>
{
    const string ForeignOrigin = "https://evil.example";

    [Fact]
    public async Task By_default_a_foreign_origin_gets_no_cors_answer_to_a_preflight_or_a_request()
    {
        var user = await plain.SignedInUserAsync();

        var preflight = await plain.CreateClient().SendAsync(Preflight(ForeignOrigin));
        var request = await user.Client.SendAsync(Get(ForeignOrigin));

        Assert.NotEqual(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        Assert.All([preflight, request], NoCors);
    }

    [Fact]
    public async Task A_listed_origin_is_allowed_on_a_preflight_and_on_the_request_itself()
    {
        var user = await allowing.SignedInUserAsync();

        var preflight = await allowing.CreateClient().SendAsync(Preflight(CrossOriginApi.AllowedOrigin));
        var request = await user.Client.SendAsync(Get(CrossOriginApi.AllowedOrigin));

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(CrossOriginApi.AllowedOrigin, preflight.Header("Access-Control-Allow-Origin"));
        Assert.Contains("GET", preflight.Header("Access-Control-Allow-Methods"));
        Assert.Contains("authorization", preflight.Header("Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Null(preflight.Header("Access-Control-Allow-Credentials"));
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        Assert.Equal(CrossOriginApi.AllowedOrigin, request.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task With_origins_listed_any_other_origin_still_gets_no_cors_answer()
    {
        var user = await allowing.SignedInUserAsync();

        var preflight = await allowing.CreateClient().SendAsync(Preflight(ForeignOrigin));
        var request = await user.Client.SendAsync(Get(ForeignOrigin));

        Assert.All([preflight, request], NoCors);
    }

    static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/notes");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return request;
    }

    static HttpRequestMessage Get(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/notes");
        request.Headers.Add("Origin", origin);
        return request;
    }

    static void NoCors(HttpResponseMessage response) =>
        Assert.DoesNotContain(response.Headers, header => header.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
}
