namespace Notes.Api.Tests.Infrastructure;

/// <summary>
/// The API on Kestrel, listening on a real loopback port: the in-memory test server never writes a Server header at all, so
/// only a real listener shows that Kestrel's is switched off.
/// </summary>
public sealed class ListeningApi : ApiFactory
{
    public ListeningApi() => UseKestrel(0);
}

public sealed class ListeningServerTests(ListeningApi api) : IClassFixture<ListeningApi>
{
    [Theory]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/api/notes", HttpStatusCode.Unauthorized)]
    [InlineData("/api/unknown", HttpStatusCode.NotFound)]
    public async Task Kestrel_names_neither_itself_nor_the_framework(string path, HttpStatusCode status)
    {
        var client = api.CreateClient();

        var response = await client.GetAsync(path);

        Assert.True(client.BaseAddress!.Port > 0 && client.BaseAddress.IsLoopback, $"a real socket, not the in-memory server: {client.BaseAddress}");
        Assert.Equal(status, response.StatusCode);
        response.HasApiSecurityHeaders();
    }
}
