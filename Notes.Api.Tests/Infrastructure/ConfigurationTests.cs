using Microsoft.AspNetCore.Hosting;

namespace Notes.Api.Tests.Infrastructure;

public sealed class ConfigurationTests
{
    sealed class ProductionWithoutSigningKey : ApiFactory
    {
        protected override Dictionary<string, string> Settings
        {
            get
            {
                var settings = base.Settings;
                settings.Remove("Auth:SigningKey");
                return settings;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    sealed class WithRegistrationLimit(string limit) : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Auth:RegistrationsPerHour"] = limit };
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task The_app_refuses_to_start_with_a_registration_limit_that_is_not_positive(string limit)
    {
        await using var api = new WithRegistrationLimit(limit);

        var refusal = await Assert.ThrowsAnyAsync<Exception>(((IAsyncLifetime)api).InitializeAsync);

        Assert.Contains("Auth:RegistrationsPerHour must be positive", refusal.Message);
    }

    [Fact]
    public async Task In_production_the_app_refuses_to_start_without_a_signing_key()
    {
        await using var api = new ProductionWithoutSigningKey();

        var refusal = await Assert.ThrowsAnyAsync<Exception>(((IAsyncLifetime)api).InitializeAsync);

        Assert.Contains("Auth:SigningKey", refusal.Message);
    }
}
