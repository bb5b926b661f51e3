using Microsoft.Extensions.Options;
using MongoDB.Bson.Serialization.Conventions;

namespace Notes.Api.Infrastructure.Mongo;

internal static class MongoSetup
{
    static MongoSetup() =>
        ConventionRegistry.Register("notes", new ConventionPack { new CamelCaseElementNameConvention(), new IgnoreExtraElementsConvention(true) }, _ => true);

    public static IServiceCollection AddMongo(this IServiceCollection services)
    {
        services.AddOptions<MongoOptions>().BindConfiguration(MongoOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<IMongoClient>(sp =>
        {
            var settings = MongoClientSettings.FromConnectionString(sp.GetRequiredService<IOptions<MongoOptions>>().Value.ConnectionString);
            // A request must answer 503 within seconds when the database is away, not hang on the driver's 30 s defaults. The socket
            // timeout also catches a server that takes connections but never answers (hung, paused, or cut off behind a proxy): a
            // pooled connection then stays open and silent, and only a bound on each read ends the wait.
            var timeout = sp.GetRequiredService<IOptions<MongoOptions>>().Value.Timeout;
            settings.ServerSelectionTimeout = timeout;
            settings.ConnectTimeout = timeout;
            settings.SocketTimeout = timeout;
            MongoDiagnostics.CountCommandsIfEnabled(sp, settings);
            return new MongoClient(settings);
        });
        services.AddSingleton<MongoCommandCounter>();
        services.AddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(sp.GetRequiredService<IOptions<MongoOptions>>().Value.Database));

        services.AddCollection<User>(CollectionNames.Users);
        services.AddCollection<Session>(CollectionNames.Sessions);
        services.AddCollection<Note>(CollectionNames.Notes);
        services.AddCollection<Throttle>(CollectionNames.Throttles);

        services.AddHostedService<MongoIndexes>();
        services.AddHostedService<EmbeddedEngineWarning>();
        return services;
    }

    static void AddCollection<TDocument>(this IServiceCollection services, string name) =>
        services.AddSingleton(sp => sp.GetRequiredService<IMongoDatabase>().GetCollection<TDocument>(name));
}
