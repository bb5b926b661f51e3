namespace Notes.Api.Tests.Infrastructure.Mongo;

public sealed class MongoOptionsTests
{
    sealed class WithTimeout(string timeout) : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Mongo:Timeout"] = timeout };
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("01:00:00")]
    public async Task The_app_refuses_to_start_with_a_database_timeout_out_of_range(string timeout)
    {
        await using var api = new WithTimeout(timeout);

        var refusal = await Assert.ThrowsAnyAsync<Exception>(((IAsyncLifetime)api).InitializeAsync);

        Assert.Contains("Mongo:Timeout", refusal.Message);
    }
}
