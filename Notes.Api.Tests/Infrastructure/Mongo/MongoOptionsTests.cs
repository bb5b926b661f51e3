namespace Notes.Api.Tests.Infrastructure.Mongo;

public sealed class MongoOptionsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("01:00:00")]
    public async Task The_app_refuses_to_start_with_a_database_timeout_out_of_range(string timeout)
    {
        var refusal = await StartupRefusal.WithAsync("Mongo:Timeout", timeout);

        Assert.Contains("Mongo:Timeout", refusal.Message);
    }
}
