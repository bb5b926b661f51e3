namespace Notes.Api.Tests.Infrastructure;

/// <summary>An API on an engine of its own, which the test may freeze without disturbing the other test classes.</summary>
public sealed class PausableDatabaseApi : ApiFactory
{
    public MongoEngine PausableEngine => Engine;

    protected override Task<MongoEngine> StartEngineAsync() => MongoEngine.StartOwnAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Engine.DisposeAsync();
    }
}

public sealed class DatabaseOutageTests(PausableDatabaseApi api) : IClassFixture<PausableDatabaseApi>
{
    [Fact]
    public async Task While_the_database_is_unreachable_the_api_answers_503_problems_and_recovers_when_it_returns()
    {
        var user = await api.SignedInUserAsync();
        var anonymous = api.CreateClient();

        api.PausableEngine.Pause();
        try
        {
            await (await anonymous.GetAsync("/healthz")).ProblemAsync(HttpStatusCode.ServiceUnavailable);
            var problem = await (await user.Client.GetAsync("/api/notes")).ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("The database is unavailable. Try again shortly.", problem["detail"]!.GetValue<string>());
        }
        finally
        {
            api.PausableEngine.Resume();
        }

        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(() => anonymous.GetAsync("/healthz")));
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(() => user.Client.GetAsync("/api/notes")));
    }

    /// <summary>The status of the first 200 within 30 seconds, or of the last attempt.</summary>
    static async Task<HttpStatusCode> EventuallyAsync(Func<Task<HttpResponseMessage>> request)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = (await request()).StatusCode;
            if (status == HttpStatusCode.OK || DateTime.UtcNow > deadline)
                return status;
            await Task.Delay(250);
        }
    }
}
