namespace Notes.Api.Tests.Infrastructure;

public sealed class ConfigurationTests
{
    /// <summary>The API in an environment, with this signing key, or none at all when it is null.</summary>
    sealed class Configured(string environment, string? signingKey) : EnvironmentApi(environment)
    {
        protected override Dictionary<string, string> Settings
        {
            get
            {
                var settings = base.Settings;
                if (signingKey is null)
                    settings.Remove("Auth:SigningKey");
                else
                    settings["Auth:SigningKey"] = signingKey;
                return settings;
            }
        }
    }

    [Theory]
    [InlineData("Auth:RegistrationsPerHour", "0", "Auth:RegistrationsPerHour must be positive")]
    [InlineData("Auth:RegistrationsPerHour", "-5", "Auth:RegistrationsPerHour must be positive")]
    [InlineData("Notes:MaxNotesPerUser", "0", "Notes:MaxNotesPerUser must be positive")]
    [InlineData("Notes:MaxNotesPerUser", "-1", "Notes:MaxNotesPerUser must be positive")]
    [InlineData("Notes:TrashRetention", "00:00:00", "Notes:TrashRetention must be a positive time span")]
    [InlineData("Notes:TrashRetention", "-1.00:00:00", "Notes:TrashRetention must be a positive time span")]
    [InlineData("Notes:MaxRevisionsPerNote", "0", "Notes:MaxRevisionsPerNote must be between 1 and 1000")]
    [InlineData("Notes:MaxRevisionsPerNote", "1001", "Notes:MaxRevisionsPerNote must be between 1 and 1000")]
    [InlineData("Mongo:Timeout", "00:00:00", "Mongo:Timeout")]
    [InlineData("Mongo:Timeout", "-00:00:01", "Mongo:Timeout")]
    [InlineData("Mongo:Timeout", "01:00:00", "Mongo:Timeout")]
    [InlineData("Http:AllowedOrigins:0", "*", "Http:AllowedOrigins")]
    [InlineData("Http:AllowedOrigins:0", "notes.example.com", "Http:AllowedOrigins")]
    [InlineData("Http:AllowedOrigins:0", "https://notes.example.com/", "Http:AllowedOrigins")]
    [InlineData("Http:AllowedOrigins:0", "https://notes.example.com/app", "Http:AllowedOrigins")]
    [InlineData("Http:AllowedOrigins:0", "ftp://notes.example.com", "Http:AllowedOrigins")]
    public async Task The_app_refuses_to_start_with_a_setting_out_of_its_range_and_names_it(string key, string value, string named)
    {
        var refusal = await StartupRefusal.WithAsync(key, value);

        Assert.Contains(named, refusal.Message);
    }

    [Fact]
    public async Task In_production_the_app_refuses_to_start_without_a_signing_key()
    {
        await using var api = new Configured("Production", signingKey: null);

        var refusal = await Assert.ThrowsAnyAsync<Exception>(((IAsyncLifetime)api).InitializeAsync);

        Assert.Contains("Auth:SigningKey", refusal.Message);
        Assert.Contains("32 bytes", refusal.Message);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Staging")]
    [InlineData("Production")]
    public async Task In_any_environment_the_app_refuses_to_start_with_a_signing_key_shorter_than_32_bytes(string environment)
    {
        // 31 bytes in UTF-8 though only 16 characters: the key's length is counted in the bytes HMAC uses.
        await using var api = new Configured(environment, signingKey: "k" + new string('é', 15));

        var refusal = await Assert.ThrowsAnyAsync<Exception>(((IAsyncLifetime)api).InitializeAsync);

        Assert.Contains("Auth:SigningKey", refusal.Message);
        Assert.Contains("32 bytes", refusal.Message);
    }

    [Fact]
    public async Task The_app_starts_with_a_signing_key_of_exactly_32_bytes()
    {
        var api = new Configured("Production", signingKey: new string('k', 32));
        await ((IAsyncLifetime)api).InitializeAsync();
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)api).DisposeAsync(); // also empties its database
        }
    }
}
