using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver.Core.Events;

namespace Notes.Api.Tests.Support;

/// <summary>
/// The API on a MongoDB client of its own that shows the test every command before it is sent, on the driver's thread: to
/// record it, or to hold it there (a gate, a rendezvous) and so force an order that load alone would show only by chance.
/// </summary>
public abstract class CommandWatchingApi : ApiFactory
{
    protected abstract void Watch(CommandStartedEvent command);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IMongoClient>(_ =>
        {
            var settings = MongoClientSettings.FromConnectionString(Engine.ConnectionString);
            settings.ClusterConfigurator = cluster => cluster.Subscribe<CommandStartedEvent>(Watch);
            return new MongoClient(settings);
        }));
    }
}
