using Microsoft.Extensions.Options;
using MongoDB.Bson.Serialization.Conventions;

namespace Notes.Api.Infrastructure.Mongo;

internal static class MongoSetup
{
    // A request must answer 503 within seconds when the database is away, not hang on the driver's 30 s defaults.
    static readonly TimeSpan ServerSelectionTimeout = TimeSpan.FromSeconds(5);
    static readonly TimeSpan SocketTimeout = TimeSpan.FromSeconds(10);

    static MongoSetup() =>
        ConventionRegistry.Register("notes", new ConventionPack { new CamelCaseElementNameConvention(), new IgnoreExtraElementsConvention(true) }, _ => true);

    public static IServiceCollection AddMongo(this IServiceCollection services)
    {
        services.AddOptions<MongoOptions>().BindConfiguration(MongoOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<IMongoClient>(sp =>
        {
            var settings = MongoClientSettings.FromConnectionString(sp.GetRequiredService<IOptions<MongoOptions>>().Value.ConnectionString);
            settings.ServerSelectionTimeout = ServerSelectionTimeout;
            settings.ConnectTimeout = ServerSelectionTimeout;
            settings.SocketTimeout = SocketTimeout;
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
        return services;
    }

    static void AddCollection<TDocument>(this IServiceCollection services, string name) =>
        services.AddSingleton(sp => sp.GetRequiredService<IMongoDatabase>().GetCollection<TDocument>(name));
}
