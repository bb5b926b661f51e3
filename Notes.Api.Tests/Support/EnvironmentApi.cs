using Microsoft.AspNetCore.Hosting;

namespace Notes.Api.Tests.Support;

/// <summary>The API started in a hosting environment of the test's choosing (Production, Development), for what differs between them.</summary>
public class EnvironmentApi(string environment) : ApiFactory
{
    protected override Dictionary<string, string> Settings => new(base.Settings) { [WebHostDefaults.EnvironmentKey] = environment };
}
