using System.Text;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Tests.Infrastructure.Auth;

public sealed class DevelopmentSigningKeyTests
{
    static DevelopmentSigningKey In(string environment) =>
        new(new HostingEnvironment { EnvironmentName = environment }, NullLogger<DevelopmentSigningKey>.Instance);

    [Fact]
    public void Outside_production_a_missing_key_becomes_one_random_key_shared_by_every_options_instance()
    {
        var generator = In("Development");
        AuthOptions first = new(), second = new();

        generator.PostConfigure(null, first);
        generator.PostConfigure(null, second);

        Assert.True(Encoding.UTF8.GetByteCount(first.SigningKey) >= AuthOptions.MinSigningKeyBytes);
        Assert.Equal(first.SigningKey, second.SigningKey);
        Assert.NotEqual(first.SigningKey, Configured(In("Development")).SigningKey);
    }

    [Fact]
    public void A_configured_key_is_kept()
    {
        var options = new AuthOptions { SigningKey = ApiFactory.SigningKey };

        In("Development").PostConfigure(null, options);

        Assert.Equal(ApiFactory.SigningKey, options.SigningKey);
    }

    [Fact]
    public void In_production_no_key_is_made_up()
    {
        Assert.Equal("", Configured(In("Production")).SigningKey);
    }

    static AuthOptions Configured(DevelopmentSigningKey generator)
    {
        var options = new AuthOptions();
        generator.PostConfigure(null, options);
        return options;
    }
}
