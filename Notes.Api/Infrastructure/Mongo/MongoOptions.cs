using System.ComponentModel.DataAnnotations;

namespace Notes.Api.Infrastructure.Mongo;

internal sealed class MongoOptions
{
    public const string Section = "Mongo";

    [Required(ErrorMessage = "Mongo:ConnectionString is required: point it at a MongoDB server, or start the app with ./run.sh, which starts an embedded engine.")]
    public string ConnectionString { get; set; } = "";

    [Required]
    public string Database { get; set; } = "notes";

    /// <summary>
    /// The longest wait for a server, a new connection, or any one reply, before a request answers 503. Operations are not
    /// retried by the driver (MongoSetup), so a request meets at most one such wait once the database stops answering, and the
    /// default answers well within 3 seconds. It bounds every reply, so a query's own server-side time limit (maxTimeMS) must
    /// stay under it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00", ErrorMessage = "Mongo:Timeout must be between 00:00:00.1 and 00:10:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1.4);
}
