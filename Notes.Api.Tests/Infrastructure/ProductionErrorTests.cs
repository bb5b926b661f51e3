using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Notes.Api.Tests.Infrastructure;

/// <summary>In Production, with a clock that fails the way a bug or a driver misconfiguration would, full of things to keep secret.</summary>
public sealed class FailingCodeApi() : EnvironmentApi(Environments.Production)
{
    public const string Secret = "hunter2-not-for-clients";
    public const string ConnectionString = $"mongodb://admin:{Secret}@db.internal.example:27017/notes";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FailingClock()));
    }

    sealed class FailingClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() =>
            throw new MongoConfigurationException($"The connection string '{ConnectionString}' is invalid: password {Secret} was refused.");
    }
}

/// <summary>In Production, on an engine of its own that the test may freeze.</summary>
public sealed class ProductionOutageApi : PausableApi
{
    protected override Dictionary<string, string> Settings => new(base.Settings) { [WebHostDefaults.EnvironmentKey] = Environments.Production };
}

public sealed class ProductionErrorTests(FailingCodeApi failing, ProductionOutageApi outage)
    : IClassFixture<FailingCodeApi>, IClassFixture<ProductionOutageApi>
{
    [Fact]
    public async Task An_unexpected_exception_is_a_500_problem_that_reveals_nothing_of_it()
    {
        Assert.True(failing.Service<IHostEnvironment>().IsProduction());

        var response = await failing.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = "ada", password = "analytical engine" });

        var body = await RevealsNothingAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain(FailingCodeApi.Secret, body);
        Assert.DoesNotContain("db.internal.example", body);
        Assert.DoesNotContain("27017", body);
        Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    [Trait("Category", "Slow")] // a database outage
    public async Task An_unreachable_database_is_a_503_problem_that_reveals_nothing_of_the_driver_error()
    {
        Assert.True(outage.Service<IHostEnvironment>().IsProduction());
        var client = outage.CreateClient();
        var engine = new Uri(outage.PausableEngine.ConnectionString);

        outage.PausableEngine.Pause();
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsJsonAsync("/api/auth/login", new { username = "ada", password = "analytical engine" });
        }
        finally
        {
            outage.PausableEngine.Resume();
        }

        var body = await RevealsNothingAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.DoesNotContain(engine.Host, body);
        Assert.DoesNotContain(engine.Port.ToString(), body);
        Assert.DoesNotContain("timeout", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("server", body, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Asserts a problem with the security headers and nothing of the exception behind it; returns the body.</summary>
    static async Task<string> RevealsNothingAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        await response.ProblemAsync(status);
        response.HasApiSecurityHeaders();
        var body = await response.Content.ReadAsStringAsync();
        foreach (var leak in new[] { "mongodb://", "Mongo", "Exception", "Notes.Api", "System.", "   at ", ".cs:line", "stack" })
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        return body;
    }
}
