namespace Notes.Api.Tests.Infrastructure;

public sealed class LivenessTests(PausableDatabaseApi api) : IClassFixture<PausableDatabaseApi>
{
    [Fact]
    public async Task Liveness_answers_200_without_asking_the_database_even_while_it_is_unreachable()
    {
        var anonymous = api.CreateClient();

        api.PausableEngine.Pause();
        try
        {
            var response = await anonymous.GetAsync("/healthz/live");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("alive", (await response.JsonAsync())["status"]!.GetValue<string>());
        }
        finally
        {
            api.PausableEngine.Resume();
        }
    }
}
