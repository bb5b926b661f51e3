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

    [Fact]
    public async Task In_production_the_app_refuses_to_start_without_a_signing_key()
    {
        await using var api = new ProductionWithoutSigningKey();

        var refusal = await Assert.ThrowsAnyAsync<Exception>(((IAsyncLifetime)api).InitializeAsync);

        Assert.Contains("Auth:SigningKey", refusal.Message);
    }
}
